package dev.nitrate.engine.colorize;

import java.nio.file.Path;
import java.util.Objects;

/** Where a model pack lives: the built-in pack that ships inside Nitrate, or a folder. */
public sealed interface PackLocation permits PackLocation.Builtin, PackLocation.Folder {

    /** The pack inside the application (classpath resources under {@code /packs/builtin/}). */
    record Builtin() implements PackLocation {
        @Override
        public String toString() {
            return "built-in";
        }
    }

    /** A pack folder on disk, holding {@code pack.json}. */
    record Folder(Path directory) implements PackLocation {
        public Folder {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String toString() {
            return directory.toString();
        }
    }

    PackLocation BUILTIN = new Builtin();
}
