package dev.nitrate.engine.pack;

import dev.nitrate.engine.memory.MemoryParameters;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code pack.json} of a model pack ({@code nitrate-pack/1}, see docs/model-pack-format.md).
 *
 * @param graphs graph specs by role; {@code key_encoder}, {@code value_encoder}, {@code decoder} always,
 *     {@code local_attention} when enabled, {@code refiner} optionally
 * @param opset the highest ONNX opset any graph uses
 */
public record PackManifest(
        String format,
        String name,
        String version,
        String licence,
        String source,
        int opset,
        Map<String, GraphSpec> graphs,
        Normalisation normalisation,
        int paddingMultiple,
        Strides strides,
        Channels channels,
        MemoryParameters memory,
        LocalAttentionSettings localAttention,
        InferenceSettings inference) {

    public static final String FORMAT = "nitrate-pack/1";
    public static final String KEY_ENCODER = "key_encoder";
    public static final String VALUE_ENCODER = "value_encoder";
    public static final String DECODER = "decoder";
    public static final String LOCAL_ATTENTION = "local_attention";
    public static final String REFINER = "refiner";

    public PackManifest {
        graphs = Map.copyOf(graphs);
    }

    public GraphSpec graph(String role) {
        GraphSpec spec = graphs.get(role);
        if (spec == null) {
            throw new IllegalStateException("pack has no " + role + " graph");
        }
        return spec;
    }

    public Optional<GraphSpec> refiner() {
        return Optional.ofNullable(graphs.get(REFINER));
    }

    /** {@code L' = (L - lightnessOffset) / lightnessScale}; {@code ab' = ab / chromaScale}. */
    public record Normalisation(float lightnessOffset, float lightnessScale, float chromaScale) {}

    /** Downscaling factors of the feature maps. */
    public record Strides(int f16, int f8, int f4) {}

    /** Channel counts: objects O, key CK, value CV per object, hidden CH per object, features. */
    public record Channels(int objects, int key, int value, int hidden, int f16, int f8, int f4) {}

    /** Short-term local attention: on or off, and its window radius on the memory grid. */
    public record LocalAttentionSettings(boolean enabled, int radius) {}

    /** @param maxArea when set, larger frames run at a reduced size (refined or upsampled back); {@code null} for none */
    public record InferenceSettings(Long maxArea) {}
}
