package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.image.LabImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded exemplar at its own size.
 *
 * @param source the file it was read from
 * @param lab its colours in CIE Lab
 * @param meanChroma the mean of {@code sqrt(a^2 + b^2)} over its pixels
 */
public record ExemplarImage(Path source, LabImage lab, double meanChroma) {

    /** Below this mean chroma an exemplar is treated as grayscale: it would teach the model no colour. */
    public static final double GRAYSCALE_CHROMA = 3.0;

    public ExemplarImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lab, "lab");
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
