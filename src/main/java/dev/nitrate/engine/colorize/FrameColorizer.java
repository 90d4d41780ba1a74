package dev.nitrate.engine.colorize;

import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Colorizes the frames of one film in order, carrying memory from frame to frame.
 *
 * <p>A colorizer is not thread-safe: one render job drives one colorizer. It owns native
 * resources (inference sessions, tensors) and must be closed.
 *
 * <p>Usage: {@link #beginSequence} with the exemplars that colour the next run of frames (a
 * shot, or a range), then {@link #colorize} for each frame of that run, in order.
 */
public interface FrameColorizer extends AutoCloseable {

    /**
     * Forgets all memory and hidden state and stores the given exemplars as permanent memory.
     *
     * @param exemplars colour references, each already fitted to the frame size
     * @param firstFrameIsExemplar true for the standard evaluation protocol, where the single
     *     exemplar is the colour original of the first frame that follows; false when the
     *     exemplars are separate images (the usual case for a user)
     */
    void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) throws ColorizeException;

    /**
     * Predicts the chroma of the next frame of the sequence.
     *
     * @param lightness the frame's CIE L, in [0, 100], at the film's size
     * @return a and b in Lab units, at the film's size
     */
    ChromaPlanes colorize(FloatPlane lightness) throws ColorizeException;

    /**
     * Predicts the next frame's chroma as {@link #colorize} does, with the colorizer's per-pixel confidence
     * when it estimates one. Colorizers without an estimate return an empty confidence (the default).
     *
     * @param lightness the frame's CIE L, in [0, 100], at the film's size
     */
    default ColorizedFrame colorizeFrame(FloatPlane lightness) throws ColorizeException {
        return ColorizedFrame.withoutConfidence(colorize(lightness));
    }

    /** Sizes and usage of the memory bank, for benchmarks and the status bar. */
    MemoryStats memoryStats();

    /** Time per stage of the last {@link #colorize} call. */
    StageTimings lastFrameTimings();

    /** Writes the complete state (memory, hidden state, frame counters) so that a killed render can resume bit-exactly. */
    void writeState(DataOutput out) throws IOException;

    /** Restores a state written by {@link #writeState} of a colorizer with the same pack and settings. */
    void readState(DataInput in) throws IOException;

    /**
     * Where this colorizer runs, in a few words for a user: the device it actually uses and, when that is not
     * the device that was asked for, why (for example {@code "cpu (CUDA device 0 could not be used ...)"}).
     * Colorizers that cannot tell say {@code "unspecified device"}.
     */
    default String deviceDescription() {
        return "unspecified device";
    }

    /** Asks a frame in flight to stop as soon as possible; {@link #colorize} then throws {@link ColorizeException}. */
    void cancel();

    @Override
    void close();
}
