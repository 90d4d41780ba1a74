package dev.nitrate.app.project;

import java.nio.file.Path;

/** A project file could not be read or written; the message names the file and the problem. */
public class ProjectFileException extends Exception {

    private final Path file;

    public ProjectFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ProjectFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
