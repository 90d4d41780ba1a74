package dev.nitrate.engine.safety;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something a job reads and must never change: an output may not be it, hold it, or (for an
 * enclosing input) lie inside it.
 *
 * @param path the input as the user gave it (used in messages)
 * @param role what it is, for messages, e.g. {@code "the film"} or {@code "an exemplar"}
 * @param enclosing a folder whose whole content is input (an image-sequence folder, a pack folder): no
 *     output may be written inside it
 */
public record ProtectedInput(Path path, String role, boolean enclosing) {

    public ProtectedInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
    }

    /** An input file or folder that outputs may sit beside but not replace or hold. */
    public static ProtectedInput file(Path path, String role) {
        return new ProtectedInput(path, role, false);
    }

    /** A folder that is input as a whole: outputs may not replace it, hold it or lie inside it. */
    public static ProtectedInput folder(Path path, String role) {
        return new ProtectedInput(path, role, true);
    }
}
