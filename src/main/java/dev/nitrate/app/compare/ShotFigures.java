package dev.nitrate.app.compare;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.List;

/** Per-shot figures shown under each side of a comparison, counted frame by frame so that no frame has to be kept. */
@FunctionalInterface
public interface ShotFigures {

    /** A new count: give it the frames in order, then read the figures. */
    Tally tally();

    /** Mean colourfulness (Hasler and Süsstrunk) and colour distribution consistency of frames in order. */
    default Figures measure(List<Rgb8> frames) {
        Tally tally = tally();
        frames.forEach(tally::add);
        return tally.figures();
    }

    /** One count in progress; used by one thread. */
    interface Tally {
        void add(Rgb8 frame);

        Figures figures();
    }

    record Figures(double colourfulness, double cdc) {}
}
