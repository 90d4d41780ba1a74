package dev.nitrate.app.media;

import dev.nitrate.engine.video.FilmReader;
import java.nio.file.Path;

/**
 * Opens films (video files or image-sequence folders) as the engine's readers: the editor's door to the video
 * pipeline. A film it opens has between 1 and {@code Integer.MAX_VALUE} frames. Readers are not thread-safe: each
 * background lane opens its own.
 */
@FunctionalInterface
public interface FilmOpener {

    FilmReader open(Path film) throws FilmException;
}
