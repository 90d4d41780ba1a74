package dev.nitrate.app.compare;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.List;

/** Per-shot figures shown under each side of a comparison. */
@FunctionalInterface
public interface ShotFigures {

    /** Mean colourfulness (Hasler and Süsstrunk) and colour distribution consistency of colorized frames in order. */
    Figures measure(List<Rgb8> frames);

    record Figures(double colourfulness, double cdc) {}
}
