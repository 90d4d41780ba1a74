package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.memory.MemoryKernels;
import dev.nitrate.engine.memory.MemoryParameters;
import dev.nitrate.engine.memory.OnnxMemoryKernels;
import dev.nitrate.engine.onnx.SessionOpener;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.pack.PackSessions;

/**
 * Opens {@link PackColorizer}s: loads and verifies the pack, opens its sessions and the engine's
 * memory kernels on the requested device (falling back to the CPU when CUDA cannot load).
 */
public final class PackColorizerFactory implements ColorizerFactory {

    @Override
    public PackColorizer open(PackLocation location, InferenceOptions options, int frameWidth, int frameHeight) throws PackException {
        ModelPack pack = ModelPack.load(location);
        MemoryParameters memory;
        try {
            memory = pack.manifest().memory().with(options.memoryOverrides());
        } catch (IllegalArgumentException e) {
            throw new PackException(location + ": memory overrides: " + e.getMessage(), e);
        }
        SessionOpener opener = new SessionOpener(options.device(), options.intraOpThreads(), options.ortSpinning());
        PackSessions sessions = PackSessions.open(pack, opener);
        MemoryKernels kernels = null;
        try {
            kernels = OnnxMemoryKernels.open(opener, options.readoutBudgetBytes());
            Long maxArea = options.modelMaxArea() != null ? Long.valueOf(options.modelMaxArea()) : pack.manifest().inference().maxArea();
            PackColorizer colorizer = new PackColorizer(pack, sessions, kernels, memory, frameWidth, frameHeight, maxArea);
            if (options.localAttention() == InferenceOptions.LocalAttentionPath.WINDOW) {
                colorizer.enableWindowAttention(opener.open("linear_transposed", OnnxMemoryKernels.kernel("linear_transposed.onnx")));
            }
            return colorizer;
        } catch (PackException | RuntimeException e) {
            if (kernels != null) {
                kernels.close();
            }
            sessions.close();
            throw e;
        }
    }

    /** The same, typed as the contract's {@link FrameColorizer}. */
    public FrameColorizer openColorizer(PackLocation location, InferenceOptions options, int frameWidth, int frameHeight) throws PackException {
        return open(location, options, frameWidth, frameHeight);
    }
}
