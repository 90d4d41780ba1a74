package dev.nitrate.engine.video;

import dev.nitrate.engine.image.Resampler;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads the frames of one film, in order or at random. Reading in order is the fast path; a
 * random read returns exactly the frame a sequential decode yields at that index. Not
 * thread-safe; owns native decoder state and must be closed.
 */
public interface FilmReader extends AutoCloseable {

    /** What the film is. */
    FilmInfo info();

    /**
     * Decodes frame {@code index}.
     *
     * @throws MediaException when the index is outside the film or the frame cannot be decoded
     */
    DecodedFrame read(long index) throws MediaException;

    /**
     * Decodes frame {@code index} for showing on screen: 8-bit RGB, area-averaged down to {@link DisplaySize#fitting fit inside}
     * {@code maxWidth x maxHeight} (a box with a zero side keeps the film's size). The same frame as {@link #read}, converted
     * for the eye rather than bit-exactly (a video file converts and scales in one swscale pass). A run of frames decoded to reach
     * it stops as soon as {@code stop} says so.
     *
     * @return the picture, or empty when {@code stop} ended the decoding first
     * @throws MediaException when the index is outside the film or the frame cannot be decoded
     */
    default Optional<RgbPixels.Rgb8> readForDisplay(long index, int maxWidth, int maxHeight, BooleanSupplier stop) throws MediaException {
        if (stop.getAsBoolean()) {
            return Optional.empty();
        }
        RgbPixels pixels = read(index).pixels();
        DisplaySize size = DisplaySize.fitting(pixels.width(), pixels.height(), maxWidth, maxHeight);
        byte[] rgb = Resampler.areaAverageRgb8(pixels.toRgb8(), pixels.width(), pixels.height(), size.width(), size.height());
        return Optional.of(new RgbPixels.Rgb8(size.width(), size.height(), rgb));
    }

    /**
     * The last frame at or before {@code index} that decodes on its own (a keyframe), so the cheapest frame to show
     * first on a jump to {@code index}: reading it and then {@code index} decodes the run between them once. Every
     * frame of an image sequence is one.
     */
    default long keyFrameAtOrBefore(long index) {
        return index;
    }

    @Override
    void close();
}
