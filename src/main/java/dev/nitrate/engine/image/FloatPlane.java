package dev.nitrate.engine.image;

import java.util.Objects;

/**
 * One channel of an image as row-major floats, {@code values[y * width + x]}.
 *
 * <p>The array is shared, not copied: a plane is a view that its producer hands over.
 */
public record FloatPlane(int width, int height, float[] values) {

    public FloatPlane {
        Objects.requireNonNull(values, "values");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("plane size must be positive: " + width + "x" + height);
        }
        if (values.length != width * height) {
            throw new IllegalArgumentException(
                    "plane of " + width + "x" + height + " needs " + width * height + " values, got " + values.length);
        }
    }

    /** A plane of zeros. */
    public static FloatPlane zeros(int width, int height) {
        return new FloatPlane(width, height, new float[width * height]);
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }

    public int pixelCount() {
        return values.length;
    }
}
