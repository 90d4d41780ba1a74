package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.flow.FlowGuidedColorizer;
import dev.nitrate.engine.memory.MemoryKernels;
import dev.nitrate.engine.memory.MemoryParameters;
import dev.nitrate.engine.memory.OnnxMemoryKernels;
import dev.nitrate.engine.onnx.SessionOpener;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.pack.PackSessions;

/**
 * Opens {@link PackColorizer}s: loads and verifies the pack, opens its sessions and the engine's
 * memory kernels on the requested device (falling back to the CPU when CUDA cannot load). A pack whose
 * manifest has a {@code flow} section gets the engine's optical-flow stage around it ({@link FlowGuidedColorizer}).
 */
public final class PackColorizerFactory implements ColorizerFactory {

    @Override
    public FrameColorizer open(PackLocation location, InferenceOptions options, int frameWidth, int frameHeight) throws PackException {
        PackColorizer colorizer = openPack(location, options, frameWidth, frameHeight);
        var flow = colorizer.pack().manifest().flow();
        if (flow.isEmpty()) {
            return colorizer;
        }
        try {
            return new FlowGuidedColorizer(colorizer, flow.get(), frameWidth, frameHeight);
        } catch (RuntimeException | LinkageError e) {
            colorizer.close();
            throw new PackException(location + ": its optical-flow stage could not start: " + e.getMessage(), e);
        }
    }

    /** Opens the pack's own colorizer, without the flow stage its manifest may ask for. */
    public PackColorizer openPack(PackLocation location, InferenceOptions options, int frameWidth, int frameHeight) throws PackException {
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

    /** The same as {@link #open}. */
    public FrameColorizer openColorizer(PackLocation location, InferenceOptions options, int frameWidth, int frameHeight) throws PackException {
        return open(location, options, frameWidth, frameHeight);
    }
}
