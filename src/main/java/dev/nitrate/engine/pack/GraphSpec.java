package dev.nitrate.engine.pack;

import java.util.List;

/**
 * One ONNX graph of a pack as the manifest declares it.
 *
 * @param role the graph's role ({@code key_encoder}, {@code value_encoder}, {@code decoder}, {@code local_attention}, {@code refiner})
 * @param file the graph file, relative to the pack
 * @param sha256 lower-case hex SHA-256 of the file
 */
public record GraphSpec(String role, String file, String sha256, List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public GraphSpec {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
