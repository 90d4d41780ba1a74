package dev.nitrate.app.media;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.safety.ProtectedInput;
import dev.nitrate.engine.video.DisplaySize;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmProxy;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The editor's proxies: for each film, every frame at {@value #SIZE} pixels at most, each coded on its own, so a jump shows
 * the exact frame at once whatever the film's group of pictures. They live in Nitrate's cache folder, one file per film (named
 * after the film's real path), and are written only through the engine's {@link OutputGuard}: built in its marked work folder,
 * then published; a proxy is replaced only when it carries Nitrate's proxy tag. A proxy is reused while the film's identity
 * (size, modification time and the checksum of its first MiB; for a folder of frames, its listing) is the one in its tag.
 */
public final class FilmProxies {

    /** Largest width and height of a proxy frame: the size the viewer shows while the playhead moves. */
    public static final int SIZE = 960;
    private static final String FORMAT = "nitrate-proxy/1";
    private static final int HEAD_BYTES = 1 << 20;

    /** What preparing a film's proxy came to. */
    public sealed interface Outcome permits Reused, Built, Stopped, Failed {}

    /** The proxy on disk matched the film. */
    public record Reused(Path proxy) implements Outcome {}

    /** A new proxy was written (replacing one made from an earlier state of the film, if any). */
    public record Built(Path proxy) implements Outcome {}

    /** Stopped before the proxy was complete; nothing was published. */
    public record Stopped() implements Outcome {}

    /** No proxy: the reason, in one line. */
    public record Failed(String reason) implements Outcome {}

    private final FilmOpener films;
    private final Path folder;
    private final Map<Path, Path> ready = new ConcurrentHashMap<>();

    /** @param folder Nitrate's proxy cache folder (created when the first proxy is written) */
    public FilmProxies(FilmOpener films, Path folder) {
        this.films = films;
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The proxy of a film that {@link #prepare} reused or built in this session. */
    public Optional<Path> ready(Path film) {
        return Optional.ofNullable(ready.get(film));
    }

    /** Where the proxy of a film is kept. */
    public Path proxyFileOf(Path film) {
        return folder.resolve(Sha256.of(realPath(film).toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "." + FilmProxy.CONTAINER);
    }

    /**
     * Reuses the film's proxy when it matches the film, else writes a new one. Blocking; {@code stop} is asked between frames
     * and may wait (to let the viewer's own decoding go first).
     */
    public Outcome prepare(Path film, BooleanSupplier stop) {
        ready.remove(film);
        Path proxy = proxyFileOf(film);
        try (FilmReader reader = films.open(film)) {
            FilmInfo info = reader.info();
            DisplaySize size = DisplaySize.fitting(info.width(), info.height(), SIZE, SIZE);
            String identity = identity(film, info, size);
            Optional<String> existing = Files.isRegularFile(proxy, LinkOption.NOFOLLOW_LINKS) ? FilmProxy.identityOf(proxy) : Optional.empty();
            if (existing.filter(identity::equals).isPresent() && frameCount(proxy) == info.frameCount()) {
                ready.put(film, proxy);
                return new Reused(proxy);
            }
            if (Files.exists(proxy, LinkOption.NOFOLLOW_LINKS) && existing.isEmpty()) {
                return new Failed(proxy + " was not written by Nitrate; it is left alone and the film has no proxy");
            }
            Files.createDirectories(folder);
            OutputGuard guard = OutputGuard.claim(proxy, OutputGuard.Shape.FILE, existing.isPresent(), List.of(Files.isDirectory(film)
                    ? ProtectedInput.folder(film, "the film") : ProtectedInput.file(film, "the film")));
            guard.openWorkFolder();
            try {
                guard.clearWorkFolder();
                Path partial = guard.assemblyFile();
                if (!FilmProxy.write(reader, partial, size, identity, stop)) {
                    return new Stopped();
                }
                guard.publishFile(partial);
            } finally {
                guard.removeWorkFolder();
            }
            ready.put(film, proxy);
            return new Built(proxy);
        } catch (FilmException | MediaException | OutputRefusedException e) {
            return new Failed(e.getMessage());
        } catch (IOException e) {
            return new Failed(proxy + ": cannot write the proxy (" + e.getMessage() + ")");
        }
    }

    private long frameCount(Path proxy) {
        try (FilmReader reader = films.open(proxy)) {
            return reader.info().frameCount();
        } catch (FilmException e) {
            return -1;
        }
    }

    /** What a proxy was made from: its format, the film's frames and size, and the file's (or folder's) identity. */
    static String identity(Path film, FilmInfo info, DisplaySize size) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        if (Files.isDirectory(film)) {
            try (Stream<Path> entries = Files.list(film)) {
                for (Path entry : entries.sorted().toList()) {
                    digest.update((entry.getFileName() + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        } else {
            digest.update((Files.size(film) + " " + Files.getLastModifiedTime(film).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(film)) {
                digest.update(in.readNBytes(HEAD_BYTES));
            }
        }
        return FORMAT + " frames=" + info.frameCount() + " size=" + size.width() + "x" + size.height() + " film=" + Sha256.hex(digest.digest());
    }

    private static Path realPath(Path film) {
        try {
            return film.toRealPath();
        } catch (IOException e) {
            return film.toAbsolutePath().normalize();
        }
    }
}
