package dev.nitrate.engine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
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
     * already there, and returns their paths. A different file under either name is never replaced.
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
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length
                        && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    return target;
                }
                throw new IOException(target.getFileName() + " exists and is not Nitrate's demo file; choose another folder with --dir");
            }
            Path temp = Files.createTempFile(target.getParent(), ".demo-", ".part");
            try {
                Files.write(temp, bytes);
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noHardLinks) {
                if (noHardLinks instanceof java.nio.file.FileAlreadyExistsException) {
                    throw (java.nio.file.FileAlreadyExistsException) noHardLinks;
                }
                Files.move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        }
    }
}
