package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded exemplar at its own size.
 *
 * @param source the file it was read from
 * @param lab its colours in CIE Lab
 * @param meanChroma the mean of {@code sqrt(a^2 + b^2)} over its pixels
 * @param pixels its RGB pixels as loaded (the same size as {@code lab}), from which a stretch fit resizes as
 *     ColorMNet's release does, or {@code null} when only the Lab image is known
 */
public record ExemplarImage(Path source, LabImage lab, double meanChroma, RgbPixels pixels) {

    /** Below this mean chroma an exemplar is treated as grayscale: it would teach the model no colour. */
    public static final double GRAYSCALE_CHROMA = 3.0;

    public ExemplarImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lab, "lab");
        if (pixels != null && (pixels.width() != lab.width() || pixels.height() != lab.height())) {
            throw new IllegalArgumentException("RGB and Lab images of an exemplar differ in size");
        }
    }

    /** An exemplar known only in Lab. */
    public ExemplarImage(Path source, LabImage lab, double meanChroma) {
        this(source, lab, meanChroma, null);
    }

    public boolean isGrayscale() {
        return meanChroma < GRAYSCALE_CHROMA;
    }

    public int width() {
        return lab.width();
    }

    public int height() {
        return lab.height();
    }
}
