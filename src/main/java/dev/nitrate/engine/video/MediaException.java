package dev.nitrate.engine.video;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A film, image or output file cannot be used. The message is one line: the file, then the problem.
 */
public class MediaException extends Exception {

    private final Path file;
    private final String problem;

    public MediaException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public MediaException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }
}
