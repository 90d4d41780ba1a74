package dev.nitrate.app.media;

/** A film cannot be opened or decoded; the message names the file and the problem. */
public class FilmException extends Exception {

    public FilmException(String message) {
        super(message);
    }

    public FilmException(String message, Throwable cause) {
        super(message, cause);
    }
}
