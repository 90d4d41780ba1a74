package dev.nitrate.engine.image;

import java.util.Objects;

/**
 * An image in CIE Lab (D65): L in [0, 100], a and b roughly in [-110, 110], three planes of the same size.
 */
public record LabImage(FloatPlane lightness, FloatPlane a, FloatPlane b) {

    public LabImage {
        Objects.requireNonNull(lightness, "lightness");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.width() != lightness.width() || b.width() != lightness.width()
                || a.height() != lightness.height() || b.height() != lightness.height()) {
            throw new IllegalArgumentException("Lab planes differ in size");
        }
    }

    public int width() {
        return lightness.width();
    }

    public int height() {
        return lightness.height();
    }

    /** This image's chroma with another lightness of the same size (how the original L is put back). */
    public LabImage withLightness(FloatPlane newLightness) {
        return new LabImage(newLightness, a, b);
    }
}
