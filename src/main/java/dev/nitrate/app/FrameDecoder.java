package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Decodes scrub requests, at most {@code maxSize} pixels wide and high; each scrub thread owns its own reader. */
final class FrameDecoder implements LatestWinsScheduler.Work<FrameDecoder.Request, DecodedFrame> {

    record Request(Path film, int frame) {}

    private final FilmOpener films;
    private final int maxSize;
    private final ThreadLocal<FilmReader> readers = new ThreadLocal<>();

    FrameDecoder(FilmOpener films, int maxSize) {
        this.films = films;
        this.maxSize = maxSize;
    }

    @Override
    public DecodedFrame run(Request request, BooleanSupplier stale) throws FilmException {
        FilmReader reader = readers.get();
        if (reader == null || !reader.info().source().equals(request.film())) {
            if (reader != null) {
                reader.close();
            }
            readers.remove();
            reader = films.open(request.film());
            readers.set(reader);
        }
        return new DecodedFrame(request.frame(), Pictures.frame(reader, request.frame(), maxSize, maxSize), Optional.empty());
    }

    /** Closes the calling thread's reader; run by each scrub thread as it ends. */
    void releaseReader() {
        FilmReader reader = readers.get();
        if (reader != null) {
            reader.close();
            readers.remove();
        }
    }
}
