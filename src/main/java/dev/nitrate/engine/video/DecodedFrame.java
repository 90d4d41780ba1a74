package dev.nitrate.engine.video;

import dev.nitrate.engine.image.FloatPlane;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded frame, copied out of FFmpeg (it stays valid after the next frame is read).
 *
 * @param index the frame's position in a sequential decode, from 0
 * @param pixels the frame as RGB: 16 bits per component for sources deeper than 8 bits, else 8
 * @param videoLuma the frame's Y plane at the source's own bit depth and range, when it was asked for: for a YUV
 *     source the decoded Y plane itself; for an RGB source its BT.709 luma in limited range
 */
public record DecodedFrame(long index, RgbPixels pixels, Optional<LumaPlane> videoLuma) {

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
