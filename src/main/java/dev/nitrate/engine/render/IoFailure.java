package dev.nitrate.engine.render;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one wording of an I/O failure for the user: the file it concerns, then the problem in a few lower-case words. */
final class IoFailure {

    private IoFailure() {}

    /** The problem alone, e.g. "permission denied" or "no space left on device". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return lower(fileProblem.getReason());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException) {
            return lower(e.getClass().getSimpleName());
        }
        return String.valueOf(e.getMessage());
    }

    /** One line naming the file the exception concerns (when it names one) and the problem. */
    static String line(IOException e) {
        if (e instanceof FileSystemException fileProblem && fileProblem.getFile() != null) {
            return line(Path.of(fileProblem.getFile()), e);
        }
        return String.valueOf(e.getMessage());
    }

    /** One line naming {@code userFile} (the user's file, never a work file) and the problem. */
    static String line(Path userFile, IOException e) {
        return userFile + ": " + reason(e);
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
