package dev.nitrate.app.preview;

import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.Optional;

/** Hears a colorize run on its worker thread. */
public interface ColorizeListener {

    /** A frame is done: its source at full size and the colorized frame at the same size (chroma upsampled from the job's size). */
    void frame(int index, Rgb8 source, Rgb8 colorized, double framesPerSecond, MemoryStats memory);

    /**
     * Just before {@link #frame}: the frame's figures and the colorizer's per-pixel confidence at the job's size, when
     * it gives one.
     */
    default void measured(int index, FrameFigures figures, Optional<FloatPlane> confidence) {
    }

    void finished(ColorizeOutcome outcome);
}
