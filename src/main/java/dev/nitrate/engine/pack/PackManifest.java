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
 * @param flow the engine's optical-flow stage that the pack asks for (its {@code "flow"} section); empty for
 *     packs that colour every frame with their graphs alone, as ColorMNet does
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
        InferenceSettings inference,
        Optional<FlowSettings> flow) {

    public static final String FORMAT = "nitrate-pack/1";
    public static final String KEY_ENCODER = "key_encoder";
    public static final String VALUE_ENCODER = "value_encoder";
    public static final String DECODER = "decoder";
    public static final String LOCAL_ATTENTION = "local_attention";
    public static final String REFINER = "refiner";

    public PackManifest {
        graphs = Map.copyOf(graphs);
        flow = flow == null ? Optional.empty() : flow;
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

    /**
     * The engine's dense optical-flow stage around the pack's graphs (decision record 0602): each frame takes
     * the exemplar's colour through the direct flow where a forward-backward check passes, the previous
     * result's colour through the frame-to-frame flow where that passes, and the pack's readout elsewhere.
     *
     * @param preset the DIS preset: {@code ultrafast}, {@code fast} or {@code medium}
     * @param maxArea flow runs on frames downscaled to at most this many pixels
     * @param consistencyPixels forward-backward error (pixels of the frame) up to which a flow counts as consistent;
     *     the weight falls linearly to 0 at twice this error
     * @param chainDecay how much confidence a pixel keeps per frame when its colour comes from the previous frame
     * @param readoutConfidence the confidence of a pixel the pack's readout colours
     * @param lightnessTolerance difference of CIE L between a pixel and where its flow leads up to which that flow is
     *     trusted (none at twice this); 0 for no such check
     */
    public record FlowSettings(String preset, long maxArea, float consistencyPixels, float chainDecay, float readoutConfidence,
            float lightnessTolerance) {

        public FlowSettings {
            if (!java.util.List.of("ultrafast", "fast", "medium").contains(preset)) {
                throw new IllegalArgumentException("flow.preset must be ultrafast, fast or medium, not '" + preset + "'");
            }
            if (maxArea < 64 || consistencyPixels <= 0 || chainDecay < 0 || chainDecay > 1
                    || readoutConfidence < 0 || readoutConfidence > 1) {
                throw new IllegalArgumentException("flow: max_area >= 64, consistency_px > 0, chain_decay and readout_confidence in [0, 1]");
            }
            if (!(lightnessTolerance >= 0)) {
                throw new IllegalArgumentException("flow: lightness_tolerance >= 0");
            }
        }

        /** Settings without the lightness check. */
        public FlowSettings(String preset, long maxArea, float consistencyPixels, float chainDecay, float readoutConfidence) {
            this(preset, maxArea, consistencyPixels, chainDecay, readoutConfidence, 0f);
        }
    }
}
