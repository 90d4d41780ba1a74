package dev.nitrate.engine.memory;

import dev.nitrate.engine.colorize.InferenceOptions;

/**
 * The memory bank's parameters (ColorMNet: top-k 30, memory every 5 frames, mid-term 5..10 frames,
 * 128 prototypes, 10,000 long-term elements, deep update on memory frames).
 */
public record MemoryParameters(
        int topK,
        int memEvery,
        int minMidTermFrames,
        int maxMidTermFrames,
        int numPrototypes,
        int maxLongTermElements,
        boolean deepUpdate) {

    public MemoryParameters {
        if (topK < 1 || memEvery < 1 || minMidTermFrames < 1 || maxMidTermFrames <= minMidTermFrames
                || numPrototypes < 1 || maxLongTermElements < numPrototypes) {
            throw new IllegalArgumentException("inconsistent memory parameters: top_k " + topK + ", mem_every " + memEvery
                    + ", min/max mid-term frames " + minMidTermFrames + "/" + maxMidTermFrames
                    + ", prototypes " + numPrototypes + ", max long-term elements " + maxLongTermElements);
        }
    }

    /** These parameters with the non-null fields of {@code overrides} in place of their own. */
    public MemoryParameters with(InferenceOptions.MemoryOverrides overrides) {
        if (overrides == null) {
            return this;
        }
        return new MemoryParameters(
                pick(overrides.topK(), topK),
                pick(overrides.memEvery(), memEvery),
                pick(overrides.minMidTermFrames(), minMidTermFrames),
                pick(overrides.maxMidTermFrames(), maxMidTermFrames),
                pick(overrides.numPrototypes(), numPrototypes),
                pick(overrides.maxLongTermElements(), maxLongTermElements),
                deepUpdate);
    }

    private static int pick(Integer override, int own) {
        return override != null ? override : own;
    }
}
