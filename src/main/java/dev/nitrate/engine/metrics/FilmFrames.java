package dev.nitrate.engine.metrics;

import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A film read in order as 8-bit RGB frames (deeper sources are rounded to 8 bits), optionally
 * resized bilinearly ({@link Resampler#bilinearRgb8}) to another size. Owns its {@link FilmReader}.
 */
public final class FilmFrames implements RgbFrameSource {

    private final FilmReader reader;
    private final int width;
    private final int height;
    private long next;

    private FilmFrames(FilmReader reader, int width, int height) {
        this.reader = reader;
        this.width = width;
        this.height = height;
    }

    /** Opens the film at its own size. */
    public static FilmFrames open(Path film) throws IOException {
        return open(film, 0, 0);
    }

    /**
     * Opens the film, resizing every frame to {@code width x height}; 0 and 0 keep the film's size.
     *
     * @throws IOException naming the film when it cannot be opened
     */
    public static FilmFrames open(Path film, int width, int height) throws IOException {
        return open(film, FilmOpenOptions.defaults(), width, height);
    }

    /** Opens the film with the given options (an image sequence's frame rate), resizing as {@link #open(Path, int, int)}. */
    public static FilmFrames open(Path film, FilmOpenOptions options, int width, int height) throws IOException {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("frame size must be both positive or both 0, got " + width + "x" + height);
        }
        FilmReader reader;
        try {
            reader = Films.open(film, options);
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
        FilmInfo info = reader.info();
        return new FilmFrames(reader, width == 0 ? info.width() : width, height == 0 ? info.height() : height);
    }

    /** What the film is (its own size, frame rate and count). */
    public FilmInfo info() {
        return reader.info();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public Optional<Rgb8> next() throws IOException {
        if (next >= reader.info().frameCount()) {
            return Optional.empty();
        }
        DecodedFrame frame;
        try {
            frame = reader.read(next++);
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
        Rgb8 rgb = new Rgb8(frame.width(), frame.height(), frame.pixels().toRgb8());
        return Optional.of(rgb.width() == width && rgb.height() == height ? rgb
                : new Rgb8(width, height, Resampler.bilinearRgb8(rgb.rgb(), rgb.width(), rgb.height(), width, height)));
    }

    @Override
    public void close() {
        reader.close();
    }
}
