package dev.nitrate.app.interim;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.FilmReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens video files with FFmpeg and folders as image sequences. */
public final class InterimFilmOpener implements FilmOpener {

    @Override
    public FilmReader open(Path film) throws FilmException {
        return Files.isDirectory(film) ? ImageSequenceReader.open(film) : JavaCvFilmReader.open(film);
    }
}
