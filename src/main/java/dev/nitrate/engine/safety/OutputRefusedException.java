package dev.nitrate.engine.safety;

/**
 * Nitrate will not write, replace or delete something at this path, because doing so could harm the
 * user's material. The message is one line that names the path as the user gave it and says what to do.
 */
public final class OutputRefusedException extends Exception {

    public OutputRefusedException(String message) {
        super(message);
    }

    public OutputRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
