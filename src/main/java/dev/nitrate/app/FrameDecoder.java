package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decodes scrub requests; each scrub thread owns its own reader. A frame far past the last keyframe, and not
 * reached by decoding on from the reader's last frame, is announced first by its keyframe (the keyframe index
 * makes that a single decode), then decoded exactly; a request overtaken meanwhile stops at the keyframe. The
 * last frames decoded are kept at full view size, so "full when still" after a small "moving" request is free.
 */
final class FrameDecoder implements LatestWinsScheduler.Work<FrameDecoder.Request, DecodedFrame> {

    /** Frames past a keyframe from which a jump shows the keyframe first. */
    static final int EARLY_KEYFRAME_GAP = 8;
    private static final int KEPT = 12;

    /** @param maxSize the largest width and height wanted (smaller while the playhead moves) */
    record Request(Path film, int frame, int maxSize) {}

    private record Key(Path film, int frame) {}

    private final FilmOpener films;
    private final int fullSize;
    private final Consumer<DecodedFrame> keyframeShown;
    private final ThreadLocal<FilmReader> readers = new ThreadLocal<>();
    private final ThreadLocal<Integer> lastDecoded = new ThreadLocal<>();
    private final Map<Key, Rgb8> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rgb8> eldest) {
            return size() > KEPT;
        }
    };

    /** @param keyframeShown told, on the decoding thread, of the keyframe picture shown while a jump decodes */
    FrameDecoder(FilmOpener films, int fullSize, Consumer<DecodedFrame> keyframeShown) {
        this.films = films;
        this.fullSize = fullSize;
        this.keyframeShown = keyframeShown;
    }

    @Override
    public DecodedFrame run(Request request, BooleanSupplier stale) throws FilmException {
        Rgb8 known = kept(request.film(), request.frame());
        if (known != null) {
            return shown(request.frame(), known, request.maxSize());
        }
        FilmReader reader = reader(request.film());
        int key = (int) reader.keyFrameAtOrBefore(request.frame());
        Integer last = lastDecoded.get();
        boolean decodingOn = last != null && last >= key && last < request.frame();
        if (!decodingOn && request.frame() - key >= EARLY_KEYFRAME_GAP) {
            keyframeShown.accept(shown(key, decode(reader, request.film(), key), request.maxSize()));
            if (stale.getAsBoolean()) {
                return null;
            }
        }
        return shown(request.frame(), decode(reader, request.film(), request.frame()), request.maxSize());
    }

    private Rgb8 decode(FilmReader reader, Path film, int frame) throws FilmException {
        Rgb8 decoded = Pictures.frame(reader, frame, fullSize, fullSize);
        lastDecoded.set(frame);
        synchronized (kept) {
            kept.put(new Key(film, frame), decoded);
        }
        return decoded;
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

    /** Closes the calling thread's reader; run by each scrub thread as it ends. */
    void releaseReader() {
        FilmReader reader = readers.get();
        if (reader != null) {
            reader.close();
            readers.remove();
        }
        lastDecoded.remove();
    }
}
