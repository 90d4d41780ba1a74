package dev.nitrate.app.adapters;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import java.nio.file.Path;

/** Opens films with the engine's video package (FFmpeg files and image sequences), refusing films the editor cannot index. */
public final class EngineFilmOpener implements FilmOpener {

    @Override
    public FilmReader open(Path film) throws FilmException {
        FilmReader reader;
        try {
            reader = Films.open(film, FilmOpenOptions.defaults());
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
        FilmInfo info = reader.info();
        if (info.frameCount() <= 0 || info.frameCount() > Integer.MAX_VALUE) {
            reader.close();
            throw new FilmException(film + ": the film has no frames Nitrate can count");
        }
        return reader;
    }
}
