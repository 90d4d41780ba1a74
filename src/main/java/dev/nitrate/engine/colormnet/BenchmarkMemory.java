package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.colorize.FrameColorizer;

/**
 * A full memory for benchmarks: before a frame, the bank of a {@link PackColorizer} is filled with random
 * elements up to {@code workingFrames} frames' worth of working memory and {@code longTermElements}
 * long-term elements (ColorMNet's limits are 10 frames and 10,000), so that a few frames measure the
 * readout, the consolidation and the peak memory of a long film.
 *
 * @param workingFrames frames' worth of working memory, exemplars included
 * @param longTermElements long-term elements
 */
public record BenchmarkMemory(int workingFrames, int longTermElements) {

    /** ColorMNet's full memory: 10 working frames and 10,000 long-term elements. */
    public static final BenchmarkMemory COLORMNET_FULL = new BenchmarkMemory(10, 10_000);

    public BenchmarkMemory {
        if (workingFrames < 1 || longTermElements < 0) {
            throw new IllegalArgumentException("a full memory needs at least 1 working frame and no negative long-term size");
        }
    }

    /**
     * Fills the colorizer's memory bank (seeded by {@code frame}).
     *
     * @throws IllegalArgumentException when the colorizer has no memory bank of ColorMNet's kind
     */
    public void fill(FrameColorizer colorizer, int frame) {
        if (!(colorizer instanceof PackColorizer pack)) {
            throw new IllegalArgumentException("filling the memory needs a model-pack colorizer, not " + colorizer.getClass().getSimpleName());
        }
        pack.memoryBank().fillForBenchmark(frame, workingFrames, longTermElements);
    }
}
