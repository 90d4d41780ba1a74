package dev.nitrate.engine.attention;

/** Whether a pack's local attention can run on the engine's window kernel, as {@link LocalAttention#windowPathFor} found. */
public sealed interface WindowPath {

    /** The kernel reproduces the pack's graph. */
    record Found(WindowKernel kernel) implements WindowPath {}

    /** The pack's graph has to run; {@code reason} says why, in words. */
    record GraphOnly(String reason) implements WindowPath {}
}
