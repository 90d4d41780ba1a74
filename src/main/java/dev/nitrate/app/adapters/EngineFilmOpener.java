package dev.nitrate.app.adapters;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import java.nio.file.Path;

/** Opens films with the engine's video package (FFmpeg files and image sequences). */
public final class EngineFilmOpener implements FilmOpener {

    @Override
    public FilmReader open(Path film) throws FilmException {
        dev.nitrate.engine.video.FilmReader reader;
        try {
            reader = Films.open(film, FilmOpenOptions.defaults());
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
        dev.nitrate.engine.video.FilmInfo info = reader.info();
        if (info.frameCount() <= 0 || info.frameCount() > Integer.MAX_VALUE) {
            reader.close();
            throw new FilmException(film + ": the film has no frames Nitrate can count");
        }
        FilmInfo summary = new FilmInfo(film, info.width(), info.height(), (int) info.frameCount(),
                info.frameRate().toDouble(), !info.audioStreams().isEmpty());
        return new Adapter(reader, summary);
    }

    private record Adapter(dev.nitrate.engine.video.FilmReader reader, FilmInfo info) implements FilmReader {
        @Override
        public RgbFrame frame(int index, int maxWidth, int maxHeight) throws FilmException {
            try {
                var decoded = reader.read(index);
                RgbFrame full = new RgbFrame(index, decoded.width(), decoded.height(), decoded.pixels().toRgb8());
                int[] size = Pictures.fitInside(full.width(), full.height(), maxWidth, maxHeight);
                return Pictures.resize(full, size[0], size[1]);
            } catch (MediaException e) {
                throw new FilmException(e.getMessage(), e);
            }
        }

        @Override
        public int keyFrameAtOrBefore(int index) {
            return (int) reader.keyFrameAtOrBefore(index);
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
