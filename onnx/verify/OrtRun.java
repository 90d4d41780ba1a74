import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Development check of exported graphs in ONNX Runtime (Java), used by verify_onnx.py:
 * for every line "graph input_name dim0,dim1,..." of io/inputs.txt it reads
 * io/graph.input_name.bin (float32, little endian), runs the graph and writes
 * io/graph.out.output_name.bin.
 */
public final class OrtRun {
    public static void main(String[] args) throws Exception {
        Path pack = Path.of(args[0]);
        Path io = Path.of(args[1]);
        Map<String, Map<String, long[]>> inputs = new HashMap<>();
        for (String line : Files.readAllLines(io.resolve("inputs.txt"))) {
            String[] parts = line.trim().split(" ");
            String[] dims = parts[2].split(",");
            long[] shape = new long[dims.length];
            for (int i = 0; i < dims.length; i++) shape[i] = Long.parseLong(dims[i]);
            inputs.computeIfAbsent(parts[0], k -> new java.util.LinkedHashMap<>()).put(parts[1], shape);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (var graph : inputs.entrySet()) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 OrtSession session = env.createSession(pack.resolve(graph.getKey() + ".onnx").toString(), options)) {
                Map<String, OnnxTensor> feed = new HashMap<>();
                try {
                    for (var input : graph.getValue().entrySet()) {
                        feed.put(input.getKey(), OnnxTensor.createTensor(env,
                                read(io.resolve(graph.getKey() + "." + input.getKey() + ".bin")), input.getValue()));
                    }
                    long started = System.nanoTime();
                    try (OrtSession.Result result = session.run(feed)) {
                        System.out.printf("%s ran in %.1f ms%n", graph.getKey(), (System.nanoTime() - started) / 1e6);
                        for (var output : result) {
                            OnnxTensor tensor = (OnnxTensor) output.getValue();
                            write(io.resolve(graph.getKey() + ".out." + output.getKey() + ".bin"), tensor.getFloatBuffer());
                        }
                    }
                } finally {
                    for (OnnxTensor tensor : feed.values()) tensor.close();
                }
            }
        }
    }

    private static FloatBuffer read(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private static void write(Path file, FloatBuffer values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.remaining() * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array());
    }
}
