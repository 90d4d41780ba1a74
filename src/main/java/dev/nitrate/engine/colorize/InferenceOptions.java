package dev.nitrate.engine.colorize;

import java.util.Objects;

/**
 * How a pack's networks are run.
 *
 * @param device the requested device; the engine falls back to the CPU, and says so, when CUDA cannot load
 * @param intraOpThreads threads per network run; 0 lets ONNX Runtime choose
 * @param memoryOverrides memory parameters that replace the pack's own (advanced settings), or {@code null}
 */
public record InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides) {

    public InferenceOptions {
        Objects.requireNonNull(device, "device");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("thread count must be >= 0");
        }
    }

    public static InferenceOptions cpu() {
        return new InferenceOptions(ComputeDevice.CPU, 0, null);
    }

    /**
     * Memory parameters to use instead of the pack's; a {@code null} field keeps the pack's value.
     */
    public record MemoryOverrides(
            Integer topK,
            Integer memEvery,
            Integer minMidTermFrames,
            Integer maxMidTermFrames,
            Integer numPrototypes,
            Integer maxLongTermElements) {}
}
