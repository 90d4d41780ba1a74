package dev.nitrate.engine.provenance;

import java.nio.file.Path;

/** How a record names files: relative to the record's folder where possible, always with {@code /}. */
public final class RecordPaths {

    private RecordPaths() {}

    /** {@code file} as the record stores it: relative to {@code recordFolder} when both lie on one file system root, else absolute. */
    public static String relative(Path recordFolder, Path file) {
        Path base = recordFolder.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        Path stored;
        try {
            stored = base.getRoot() != null && base.getRoot().equals(target.getRoot()) ? base.relativize(target) : target;
        } catch (IllegalArgumentException otherRoot) {
            stored = target;
        }
        String text = stored.toString().replace(stored.getFileSystem().getSeparator(), "/");
        return text.isEmpty() ? "." : text;
    }

    /** The file a stored path names, for a record in {@code recordFolder}. */
    public static Path resolve(Path recordFolder, String stored) {
        return recordFolder.resolve(stored.replace("/", recordFolder.getFileSystem().getSeparator())).normalize();
    }
}
