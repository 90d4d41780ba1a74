package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.InferenceOptions.LocalAttentionPath;
import picocli.CommandLine.Option;

/** Developer settings of the engine, hidden from help: how local attention runs and whether ONNX Runtime spins. */
final class EngineOptions {

    @Option(names = "--local-attention", paramLabel = "PATH", hidden = true, defaultValue = "window",
            converter = LocalAttentionConverter.class, description = "window (default) or graph: run local attention on the pack's own graph.")
    LocalAttentionPath localAttention = LocalAttentionPath.WINDOW;

    @Option(names = "--ort-spinning", hidden = true, description = "Let ONNX Runtime's worker threads spin between runs.")
    boolean ortSpinning;

    InferenceOptions inference(ComputeDevice device, int threads) {
        return new InferenceOptions(device, threads, null, localAttention, ortSpinning);
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
