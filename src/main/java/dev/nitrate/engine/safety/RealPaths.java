package dev.nitrate.engine.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** Real paths: links, {@code .} and {@code ..} resolved as the operating system resolves them, also for paths that do not exist yet. */
final class RealPaths {

    private RealPaths() {}

    /** The real path of an absolute path; the part that does not exist yet is appended to the real path of the part that does. */
    static Path of(Path absolute) {
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            Path parent = absolute.getParent();
            Path name = absolute.getFileName();
            if (parent == null || name == null) {
                return absolute.normalize();
            }
            if (Files.isSymbolicLink(absolute)) {
                return of(parent).resolve(name);
            }
            Path realParent = of(parent);
            return switch (name.toString()) {
                case "." -> realParent;
                case ".." -> realParent.getParent() == null ? realParent : realParent.getParent();
                default -> realParent.resolve(name);
            };
        }
    }

    /**
     * The path the system writes to for an absolute path: its folders resolved to their real path (links, {@code .}
     * and {@code ..} as the system resolves them), its last name kept as it is, so that a link there is seen, not followed.
     * A path ending in {@code .} or {@code ..} is a folder and resolves whole.
     */
    static Path withoutLastLink(Path absolute) {
        Path name = absolute.getFileName();
        Path parent = absolute.getParent();
        if (name == null || parent == null || name.toString().equals(".") || name.toString().equals("..")) {
            return of(absolute);
        }
        return of(parent).resolve(name);
    }

    /** The real path of an existing file or folder, or empty when there is nothing there. */
    static Optional<Path> existing(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(of(path.toAbsolutePath()));
    }
}
