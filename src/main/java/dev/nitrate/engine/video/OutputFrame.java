package dev.nitrate.engine.video;

import java.util.Objects;
import java.util.Optional;

/**
 * A finished frame to write.
 *
 * @param colour the frame's colours
 * @param lumaOverride for YUV video outputs, a Y plane written instead of the luma of {@code colour}, so that the
 *     output's luma is exactly the source's (luma lock); converted to the output's depth and range where they differ
 */
public record OutputFrame(RgbPixels colour, Optional<LumaPlane> lumaOverride) {

    public OutputFrame {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(lumaOverride, "lumaOverride");
        lumaOverride.ifPresent(luma -> {
            if (luma.width() != colour.width() || luma.height() != colour.height()) {
                throw new IllegalArgumentException("luma plane does not match the frame size");
            }
        });
    }
}
