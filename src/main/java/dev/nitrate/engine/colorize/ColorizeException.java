package dev.nitrate.engine.colorize;

/** A frame could not be colorized: the model failed, or the work was cancelled. */
public class ColorizeException extends Exception {

    public ColorizeException(String message) {
        super(message);
    }

    public ColorizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
