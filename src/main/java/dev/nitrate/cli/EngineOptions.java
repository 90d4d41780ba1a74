package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.InferenceOptions.LocalAttentionPath;
import picocli.CommandLine.Option;

/**
 * Settings of the engine shared by colorize, bench and evaluate: the readout's memory budget and the model size,
 * and, hidden from help, how local attention runs and whether ONNX Runtime spins.
 */
final class EngineOptions {

    @Option(names = "--readout-memory", paramLabel = "MiB", defaultValue = "256",
            description = "Memory for one block of the memory readout, in MiB (default: ${DEFAULT-VALUE}); results do not depend on it.")
    long readoutMemoryMiB = 256;

    @Option(names = "--model-size", paramLabel = "WxH",
            description = {"Run the networks at most at this many pixels (e.g. 960x536) and bring the chroma back to the",
                "film's size guided by its luma (default: the pack's own limit; none for ColorMNet)."})
    String modelSize;

    @Option(names = "--local-attention", paramLabel = "PATH", hidden = true, defaultValue = "window",
            converter = LocalAttentionConverter.class, description = "window (default) or graph: run local attention on the pack's own graph.")
    LocalAttentionPath localAttention = LocalAttentionPath.WINDOW;

    @Option(names = "--ort-spinning", hidden = true, description = "Let ONNX Runtime's worker threads spin between runs.")
    boolean ortSpinning;

    InferenceOptions inference(ComputeDevice device, int threads) {
        if (readoutMemoryMiB < 1) {
            throw new IllegalArgumentException("--readout-memory must be at least 1 MiB, got " + readoutMemoryMiB);
        }
        return new InferenceOptions(device, threads, null, localAttention, ortSpinning, readoutMemoryMiB << 20, modelArea());
    }

    private Integer modelArea() {
        if (modelSize == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})x(\\d{1,5})").matcher(modelSize);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 16 || Integer.parseInt(m.group(2)) < 16) {
            throw new IllegalArgumentException("--model-size must look like 960x536 (each side at least 16), got '" + modelSize + "'");
        }
        return Integer.parseInt(m.group(1)) * Integer.parseInt(m.group(2));
    }

    static final class LocalAttentionConverter implements picocli.CommandLine.ITypeConverter<LocalAttentionPath> {
        @Override
        public LocalAttentionPath convert(String value) {
            return switch (value) {
                case "window" -> LocalAttentionPath.WINDOW;
                case "graph" -> LocalAttentionPath.GRAPH;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not window or graph");
            };
        }
    }
}
