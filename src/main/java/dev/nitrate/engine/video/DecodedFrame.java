package dev.nitrate.engine.video;

import dev.nitrate.engine.image.FloatPlane;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded frame, copied out of FFmpeg (it stays valid after the next frame is read).
 *
 * @param index the frame's position in a sequential decode, from 0
 * @param pixels the frame as RGB: 16 bits per component for sources deeper than 8 bits, else 8
 * @param videoLuma the frame's luma as an 8-bit {@code yuv420p} video would hold it ({@code width * height}
 *     bytes), when it was asked for; for a {@code yuv420p} source this is the decoded Y plane itself
 */
public record DecodedFrame(long index, RgbPixels pixels, Optional<byte[]> videoLuma) {

    public DecodedFrame {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(videoLuma, "videoLuma");
    }

    public int width() {
        return pixels.width();
    }

    public int height() {
        return pixels.height();
    }

    /** CIE L of every pixel, in [0, 100]: the input of the colorizer. */
    public FloatPlane lightness() {
        return pixels.lightness();
    }
}
