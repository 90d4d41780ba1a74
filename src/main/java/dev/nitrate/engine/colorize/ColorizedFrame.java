package dev.nitrate.engine.colorize;

import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import java.util.Objects;
import java.util.Optional;

/**
 * What a colorizer predicts for one frame: its chroma and, when the colorizer estimates one, a per-pixel
 * confidence in [0, 1] at the same size (1: the colour is carried from an exemplar along consistent motion;
 * near 0: a guess).
 */
public record ColorizedFrame(ChromaPlanes chroma, Optional<FloatPlane> confidence) {

    public ColorizedFrame {
        Objects.requireNonNull(chroma, "chroma");
        Objects.requireNonNull(confidence, "confidence");
        confidence.ifPresent(c -> {
            if (c.width() != chroma.width() || c.height() != chroma.height()) {
                throw new IllegalArgumentException("confidence is " + c.width() + "x" + c.height() + ", chroma "
                        + chroma.width() + "x" + chroma.height());
            }
        });
    }

    /** A frame without a confidence estimate. */
    public static ColorizedFrame withoutConfidence(ChromaPlanes chroma) {
        return new ColorizedFrame(chroma, Optional.empty());
    }
}
