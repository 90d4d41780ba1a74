package dev.nitrate.app.preview;

import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.colorize.MemoryStats;

/** Hears a colorize run on its worker thread. */
public interface ColorizeListener {

    /** A frame is done: its source and colorized pictures at the job's size. */
    void frame(int index, RgbFrame source, RgbFrame colorized, double framesPerSecond, MemoryStats memory);

    void finished(ColorizeOutcome outcome);
}
