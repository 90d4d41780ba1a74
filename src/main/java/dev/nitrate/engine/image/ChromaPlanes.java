package dev.nitrate.engine.image;

import java.util.Objects;

/** The a and b planes (CIE Lab units) that the colorizer predicts for one frame. */
public record ChromaPlanes(FloatPlane a, FloatPlane b) {

    public ChromaPlanes {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("a and b planes differ in size");
        }
    }

    public int width() {
        return a.width();
    }

    public int height() {
        return a.height();
    }

    /** Joins this chroma with a lightness plane into a Lab image. */
    public LabImage withLightness(FloatPlane lightness) {
        return new LabImage(lightness, a, b);
    }
}
