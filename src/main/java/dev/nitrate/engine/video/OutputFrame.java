package dev.nitrate.engine.video;

import java.util.Objects;
import java.util.Optional;

/**
 * A finished frame to write.
 *
 * @param colour the frame's colours
 * @param lumaOverride for video outputs, a Y plane ({@code width * height} bytes) written instead of the luma of
 *     {@code colour}, so that the output's luma is exactly the source's (luma lock)
 */
public record OutputFrame(RgbPixels colour, Optional<byte[]> lumaOverride) {

    public OutputFrame {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(lumaOverride, "lumaOverride");
        lumaOverride.ifPresent(luma -> {
            if (luma.length != colour.width() * colour.height()) {
                throw new IllegalArgumentException("luma plane does not match the frame size");
            }
        });
    }
}
