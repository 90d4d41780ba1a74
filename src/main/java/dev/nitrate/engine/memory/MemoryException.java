package dev.nitrate.engine.memory;

/** A memory kernel failed or was cancelled. */
public class MemoryException extends Exception {

    public MemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
