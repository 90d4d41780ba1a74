package dev.nitrate.engine.provenance;

/** A provenance record that cannot be read or written; the message is one line naming the user's file. */
public final class ProvenanceException extends Exception {

    public ProvenanceException(String message) {
        super(message);
    }

    public ProvenanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
