package dev.nitrate.engine.colorize;

/** A model pack is missing, damaged or does not match its manifest; the message names the file and the problem. */
public class PackException extends Exception {

    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
