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
 * @param readoutBudgetBytes memory for one block of the memory readout's working tensors; the readout runs in as
 *     many blocks of query positions as that needs, with results identical to one run (default 256 MiB)
 * @param modelMaxArea largest frame area, in pixels, at which the networks run, or {@code null} for the pack's
 *     own {@code inference.max_area}; above it the networks see a smaller frame and the chroma is brought
 *     back to the film's size guided by its luma
 */
public record InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides,
        LocalAttentionPath localAttention, boolean ortSpinning, long readoutBudgetBytes, Integer modelMaxArea) {

    /** Default {@link #readoutBudgetBytes}: 256 MiB. */
    public static final long DEFAULT_READOUT_BUDGET_BYTES = 256L << 20;

    public InferenceOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(localAttention, "localAttention");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("thread count must be >= 0");
        }
        if (readoutBudgetBytes < 1) {
            throw new IllegalArgumentException("readout budget must be positive");
        }
        if (modelMaxArea != null && modelMaxArea < 16 * 16) {
            throw new IllegalArgumentException("model size must be at least 16x16 pixels, got an area of " + modelMaxArea);
        }
    }

    /** The given settings with the default readout budget and the pack's own model size. */
    public InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides,
            LocalAttentionPath localAttention, boolean ortSpinning) {
        this(device, intraOpThreads, memoryOverrides, localAttention, ortSpinning, DEFAULT_READOUT_BUDGET_BYTES, null);
    }

    /** The given device, threads and overrides with the default developer settings. */
    public InferenceOptions(ComputeDevice device, int intraOpThreads, MemoryOverrides memoryOverrides) {
        this(device, intraOpThreads, memoryOverrides, LocalAttentionPath.WINDOW, false);
    }

    /** The same options with local attention run the given way. */
    public InferenceOptions withLocalAttention(LocalAttentionPath path) {
        return new InferenceOptions(device, intraOpThreads, memoryOverrides, path, ortSpinning, readoutBudgetBytes, modelMaxArea);
    }

    /** The same options with another readout budget (does not change results). */
    public InferenceOptions withReadoutBudget(long bytes) {
        return new InferenceOptions(device, intraOpThreads, memoryOverrides, localAttention, ortSpinning, bytes, modelMaxArea);
    }

    /** The same options with the networks run at most at {@code area} pixels ({@code null}: the pack's own limit). */
    public InferenceOptions withModelMaxArea(Integer area) {
        return new InferenceOptions(device, intraOpThreads, memoryOverrides, localAttention, ortSpinning, readoutBudgetBytes, area);
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
