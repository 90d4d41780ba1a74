package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.FilmProxies;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decodes scrub requests; each scrub thread owns its own readers. With the film's proxy ready, a request while the playhead
 * moves is answered from the proxy alone, and a request for the full picture shows the proxy's picture of the exact frame
 * first. Without one, a frame far past the last keyframe, and not reached by decoding on from the reader's last frame, is
 * announced first by its keyframe (the keyframe index makes that a single decode). Either way the full picture is then
 * decoded, and a request overtaken meanwhile stops decoding. The last frames decoded are kept at full view size, so "full
 * when still" after a small "moving" request is free.
 */
final class FrameDecoder implements LatestWinsScheduler.Work<FrameDecoder.Request, DecodedFrame> {

    /** Frames past a keyframe from which a jump shows the keyframe first. */
    static final int EARLY_KEYFRAME_GAP = 8;
    private static final int KEPT = 12;
    private static final System.Logger LOG = System.getLogger(FrameDecoder.class.getName());

    /** @param maxSize the largest width and height wanted (smaller while the playhead moves) */
    record Request(Path film, int frame, int maxSize) {}

    private record Key(Path film, int frame) {}

    private final FilmOpener films;
    private final FilmProxies proxies;
    private final int fullSize;
    private final Consumer<DecodedFrame> earlyPicture;
    private final ThreadLocal<FilmReader> readers = new ThreadLocal<>();
    private final ThreadLocal<FilmReader> proxyReaders = new ThreadLocal<>();
    private final ThreadLocal<Integer> lastDecoded = new ThreadLocal<>();
    private final Map<Key, Rgb8> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rgb8> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * @param earlyPicture told, on the decoding thread, of the picture shown while a jump decodes: the proxy's picture of the
     *     frame itself, or the keyframe's
     */
    FrameDecoder(FilmOpener films, FilmProxies proxies, int fullSize, Consumer<DecodedFrame> earlyPicture) {
        this.films = films;
        this.proxies = proxies;
        this.fullSize = fullSize;
        this.earlyPicture = earlyPicture;
    }

    @Override
    public DecodedFrame run(Request request, BooleanSupplier stale) throws FilmException {
        Rgb8 known = kept(request.film(), request.frame());
        if (known != null) {
            return shown(request.frame(), known, request.maxSize());
        }
        Optional<FilmReader> proxy = proxyReader(request.film());
        FilmReader reader = reader(request.film());
        if (proxy.isPresent()) {
            Optional<Rgb8> quick = Pictures.display(proxy.get(), request.frame(), request.maxSize(), request.maxSize(), stale);
            if (quick.isEmpty()) {
                return null;
            }
            DecodedFrame quickFrame = new DecodedFrame(request.frame(), quick.get(), Optional.empty());
            if (request.maxSize() <= FilmProxies.SIZE) {
                return quickFrame;
            }
            earlyPicture.accept(quickFrame);
        } else {
            int key = (int) reader.keyFrameAtOrBefore(request.frame());
            Integer last = lastDecoded.get();
            boolean decodingOn = last != null && last >= key && last < request.frame();
            if (!decodingOn && request.frame() - key >= EARLY_KEYFRAME_GAP) {
                Rgb8 keyframe = decode(reader, request.film(), key, stale);
                if (keyframe == null) {
                    return null;
                }
                earlyPicture.accept(shown(key, keyframe, request.maxSize()));
            }
        }
        if (stale.getAsBoolean()) {
            return null;
        }
        Rgb8 picture = decode(reader, request.film(), request.frame(), stale);
        return picture == null ? null : shown(request.frame(), picture, request.maxSize());
    }

    /** The frame at full view size, or {@code null} when a newer request stopped the decoding. */
    private Rgb8 decode(FilmReader reader, Path film, int frame, BooleanSupplier stale) throws FilmException {
        Optional<Rgb8> decoded = Pictures.display(reader, frame, fullSize, fullSize, stale);
        if (decoded.isEmpty()) {
            lastDecoded.remove();
            return null;
        }
        lastDecoded.set(frame);
        synchronized (kept) {
            kept.put(new Key(film, frame), decoded.get());
        }
        return decoded.get();
    }

    private Rgb8 kept(Path film, int frame) {
        synchronized (kept) {
            return kept.get(new Key(film, frame));
        }
    }

    private FilmReader reader(Path film) throws FilmException {
        FilmReader reader = readers.get();
        if (reader == null || !reader.info().source().equals(film)) {
            if (reader != null) {
                reader.close();
            }
            readers.remove();
            lastDecoded.remove();
            reader = films.open(film);
            readers.set(reader);
        }
        return reader;
    }

    /** This thread's reader of the film's proxy, once the proxy is ready and has the film's frame count. */
    private Optional<FilmReader> proxyReader(Path film) {
        Optional<Path> proxy = proxies.ready(film);
        FilmReader open = proxyReaders.get();
        if (open != null && proxy.isPresent() && open.info().source().equals(proxy.get())) {
            return Optional.of(open);
        }
        if (open != null) {
            open.close();
            proxyReaders.remove();
        }
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        try {
            FilmReader reader = films.open(proxy.get());
            proxyReaders.set(reader);
            return Optional.of(reader);
        } catch (FilmException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "The proxy of " + film + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static DecodedFrame shown(int index, Rgb8 picture, int maxSize) {
        return new DecodedFrame(index, scaled(picture, maxSize), Optional.empty());
    }

    private static Rgb8 scaled(Rgb8 picture, int maxSize) {
        if (picture.width() <= maxSize && picture.height() <= maxSize) {
            return picture;
        }
        int[] size = Pictures.fitInside(picture.width(), picture.height(), maxSize, maxSize);
        return Pictures.resize(picture, size[0], size[1]);
    }

    /** Closes the calling thread's readers; run by each scrub thread as it ends. */
    void releaseReader() {
        for (ThreadLocal<FilmReader> local : List.of(readers, proxyReaders)) {
            FilmReader reader = local.get();
            if (reader != null) {
                reader.close();
                local.remove();
            }
        }
        lastDecoded.remove();
    }
}
