package dev.nitrate.engine.metrics;

import java.util.Objects;

/**
 * One 8-bit RGB frame, interleaved ({@code r, g, b, r, g, b, ...}) row by row, as the metrics
 * read it. The array is shared, not copied.
 */
public record RgbFrame(int width, int height, byte[] rgb) {

    public RgbFrame {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "RGB buffer of " + rgb.length + " bytes does not hold " + width + "x" + height + " pixels");
        }
    }

    public int pixelCount() {
        return width * height;
    }

    /** Throws when {@code other} has a different size, naming both sizes. */
    public void requireSameSize(RgbFrame other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(
                    "frames differ in size: " + width + "x" + height + " and " + other.width + "x" + other.height);
        }
    }
}
