package dev.nitrate.engine.video;

import java.util.Objects;

/**
 * How video is encoded.
 *
 * @param codec H.264 or H.265
 * @param crf constant rate factor (lower is better; 0-51); ignored when lossless
 * @param lossless encode losslessly (H.264 {@code qp 0}, H.265 {@code lossless=1}): decoded frames equal the written ones
 * @param preset the x264/x265 speed preset, e.g. {@code medium}
 * @param width frame width
 * @param height frame height
 * @param frameRate exact frame rate
 */
public record VideoEncodeSettings(VideoCodec codec, int crf, boolean lossless, String preset, int width, int height, Rational frameRate) {

    public static final int DEFAULT_CRF = 18;
    public static final String DEFAULT_PRESET = "medium";

    public VideoEncodeSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(frameRate, "frameRate");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("CRF must be 0-51, got " + crf);
        }
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is too small to encode");
        }
    }
}
