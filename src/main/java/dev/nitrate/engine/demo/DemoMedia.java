package dev.nitrate.engine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The demo film and its exemplar that ship inside Nitrate (classpath {@code /demo/}): a short grayscale
 * clip and the colour original of its first frame.
 */
public final class DemoMedia {

    /** Classpath location of the demo film. */
    public static final String FILM_RESOURCE = "/demo/demo-film.mp4";
    /** Classpath location of the demo exemplar. */
    public static final String EXEMPLAR_RESOURCE = "/demo/demo-exemplar.png";

    /** Where the demo media were copied to. */
    public record DemoFiles(Path film, Path exemplar) {}

    private DemoMedia() {}

    /**
     * Copies the demo film and exemplar into {@code folder} (created if needed) unless identical copies are
     * already there, and returns their paths.
     *
     * @throws IOException when this build ships no demo, or the folder cannot be written
     */
    public static DemoFiles extractTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path film = copy(FILM_RESOURCE, folder.resolve("demo-film.mp4"));
        Path exemplar = copy(EXEMPLAR_RESOURCE, folder.resolve("demo-exemplar.png"));
        return new DemoFiles(film, exemplar);
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoMedia.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("this build of Nitrate ships no demo media (" + resource + " is missing)");
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            Path temp = Files.createTempFile(target.getParent(), ".demo-", ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }
}
