package dev.nitrate.engine.colorize;

import java.util.Objects;

/**
 * How a pack's networks are run.
 *
 * @param device the requested device; the engine falls back to the CPU, and says so, when CUDA cannot load
 * @param intraOpThreads threads per network run; 0 lets ONNX Runtime choose
 * @param memoryOverrides memory parameters that replace the pack's own (advanced settings), or {@code null}
 * @param localAttention how a pack's local attention runs (developer setting; the window path by default)
 * @param ortSpinning whether ONNX Runtime's worker threads spin between runs (developer setting; off by default,
 *     so that idle workers leave the cores to the Java stages)
 */
public record InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides,
        LocalAttentionPath localAttention, boolean ortSpinning) {

    public InferenceOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(localAttention, "localAttention");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("thread count must be >= 0");
        }
    }

    /** The given device, threads and overrides with the default developer settings. */
    public InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides) {
        this(device, intraOpThreads, memoryOverrides, LocalAttentionPath.WINDOW, false);
    }

    /** The same options with local attention run the given way. */
    public InferenceOptions withLocalAttention(LocalAttentionPath path) {
        return new InferenceOptions(device, intraOpThreads, memoryOverrides, path, ortSpinning);
    }

    /** How a pack's local attention runs. */
    public enum LocalAttentionPath {
        /** The engine's window kernel where it reproduces the pack's graph (checked at load), else the graph. */
        WINDOW,
        /** Always the pack's own graph (slow; for comparing the two). */
        GRAPH
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
