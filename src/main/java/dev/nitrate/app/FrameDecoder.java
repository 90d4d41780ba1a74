package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decodes scrub requests; each scrub thread owns its own reader. A frame far past the last keyframe, and not
 * reached by decoding on from the reader's last frame, is announced first by its keyframe (the keyframe index
 * makes that a single decode), then decoded exactly; a request overtaken meanwhile stops at the keyframe. The
 * last frames decoded are kept at full view size, so "full when still" after a small "moving" request is free.
 */
final class FrameDecoder implements LatestWinsScheduler.Work<FrameDecoder.Request, RgbFrame> {

    /** Frames past a keyframe from which a jump shows the keyframe first. */
    static final int EARLY_KEYFRAME_GAP = 8;
    private static final int KEPT = 12;

    /** @param maxSize the largest width and height wanted (smaller while the playhead moves) */
    record Request(Path film, int frame, int maxSize) {}

    private record Key(Path film, int frame) {}

    private final FilmOpener films;
    private final int fullSize;
    private final Consumer<RgbFrame> keyframeShown;
    private final ThreadLocal<FilmReader> readers = new ThreadLocal<>();
    private final ThreadLocal<Integer> lastDecoded = new ThreadLocal<>();
    private final Map<Key, RgbFrame> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RgbFrame> eldest) {
            return size() > KEPT;
        }
    };

    /** @param keyframeShown told, on the decoding thread, of the keyframe picture shown while a jump decodes */
    FrameDecoder(FilmOpener films, int fullSize, Consumer<RgbFrame> keyframeShown) {
        this.films = films;
        this.fullSize = fullSize;
        this.keyframeShown = keyframeShown;
    }

    @Override
    public RgbFrame run(Request request, BooleanSupplier stale) throws FilmException {
        RgbFrame known = kept(request.film(), request.frame());
        if (known != null) {
            return scaled(known, request.maxSize());
        }
        FilmReader reader = reader(request.film());
        int key = reader.keyFrameAtOrBefore(request.frame());
        Integer last = lastDecoded.get();
        boolean decodingOn = last != null && last >= key && last < request.frame();
        if (!decodingOn && request.frame() - key >= EARLY_KEYFRAME_GAP) {
            RgbFrame keyframe = decode(reader, request.film(), key);
            keyframeShown.accept(scaled(keyframe, request.maxSize()));
            if (stale.getAsBoolean()) {
                return null;
            }
        }
        return scaled(decode(reader, request.film(), request.frame()), request.maxSize());
    }

    private RgbFrame decode(FilmReader reader, Path film, int frame) throws FilmException {
        RgbFrame decoded = reader.frame(frame, fullSize, fullSize);
        lastDecoded.set(frame);
        synchronized (kept) {
            kept.put(new Key(film, frame), decoded);
        }
        return decoded;
    }

    private RgbFrame kept(Path film, int frame) {
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

    static RgbFrame scaled(RgbFrame frame, int maxSize) {
        if (frame.width() <= maxSize && frame.height() <= maxSize) {
            return frame;
        }
        int[] size = Pictures.fitInside(frame.width(), frame.height(), maxSize, maxSize);
        return Pictures.resize(frame, size[0], size[1]);
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
