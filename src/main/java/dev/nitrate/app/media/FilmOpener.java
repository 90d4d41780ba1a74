package dev.nitrate.app.media;

import java.nio.file.Path;

/** Opens films (video files or image-sequence folders): the editor's door to the video pipeline. */
@FunctionalInterface
public interface FilmOpener {

    FilmReader open(Path film) throws FilmException;
}
