package dev.nitrate.engine.cluster;

/** A plan that cannot be used, or a part that cannot be rendered or assembled from it; the message is one line naming the file. */
public final class PlanException extends Exception {

    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
