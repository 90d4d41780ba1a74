package dev.nitrate.engine.attention;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.OrtRuntime;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Short-term propagation: the pack's {@code local_attention} graph (windowed attention of the
 * current frame's key over the key and value of the most recent memory frame, with the learned
 * relative term) and the memory frame it attends to. Does not own the session.
 */
public final class LocalAttention {

    private final GraphSession session;
    private final int keyChannels;
    private final int objects;
    private final int valueChannels;
    private final int gridHeight;
    private final int gridWidth;
    private float[] memoryKey;
    private float[] memoryValue;
    private float[] memoryValueByElement;
    private WindowKernel window;

    /** @param valueChannels value channels per object */
    public LocalAttention(GraphSession session, int keyChannels, int objects, int valueChannels, int gridHeight, int gridWidth) {
        this.session = session;
        this.keyChannels = keyChannels;
        this.objects = objects;
        this.valueChannels = valueChannels;
        this.gridHeight = gridHeight;
        this.gridWidth = gridWidth;
    }

    /**
     * Computes the attention with {@code window} instead of the pack's graph: the same function,
     * faster. See {@link #windowPathFor}.
     */
    public void useWindowPath(WindowKernel window) {
        this.window = window;
        if (memoryValue != null) {
            memoryValueByElement = WindowAttention.transpose(memoryValue, objects * valueChannels, gridHeight * gridWidth);
        }
    }

    /** Lets the window path split its work over {@code workers} (owned by the caller), where the kernel can. */
    public void useWorkers(Workers workers) {
        if (window instanceof DistanceWindowAttention distance) {
            distance.useWorkers(workers);
        }
    }

    /** True when the fast window path replaces the pack's graph. */
    public boolean usesWindowPath() {
        return window != null;
    }

    /** Remembers the key {@code [CK, hw]} and value {@code [O*CV, hw]} of the newest memory frame. */
    public void setMemoryFrame(float[] key, float[] value) {
        memoryKey = key.clone();
        memoryValue = value.clone();
        memoryValueByElement = window == null ? null : WindowAttention.transpose(value, objects * valueChannels, gridHeight * gridWidth);
    }

    public boolean hasMemoryFrame() {
        return memoryKey != null;
    }

    public void clear() {
        memoryKey = null;
        memoryValue = null;
        memoryValueByElement = null;
    }

    /** Adds the attention output for the query key {@code [CK, hw]} to {@code readout} ({@code [O*CV, hw]}). */
    public void addTo(float[] queryKey, float[] readout) throws OrtException {
        if (window != null) {
            float[] attention = window.compute(queryKey, memoryKey, memoryValueByElement, gridHeight, gridWidth);
            for (int i = 0; i < readout.length; i++) {
                readout[i] += attention[i];
            }
            return;
        }
        float[] attention = runGraph(session, queryKey, memoryKey, memoryValue, keyChannels, objects, valueChannels, gridHeight, gridWidth);
        for (int i = 0; i < readout.length; i++) {
            readout[i] += attention[i];
        }
    }

    static float[] runGraph(GraphSession session, float[] queryKey, float[] memoryKey, float[] memoryValue, int keyChannels,
            int objects, int valueChannels, int gridHeight, int gridWidth) throws OrtException {
        OrtEnvironment env = OrtRuntime.environment();
        long[] keyShape = {1, keyChannels, gridHeight, gridWidth};
        long[] valueShape = {1, objects, valueChannels, gridHeight, gridWidth};
        try (OnnxTensor q = OnnxTensor.createTensor(env, FloatBuffer.wrap(queryKey), keyShape);
                OnnxTensor k = OnnxTensor.createTensor(env, FloatBuffer.wrap(memoryKey), keyShape);
                OnnxTensor v = OnnxTensor.createTensor(env, FloatBuffer.wrap(memoryValue), valueShape);
                OrtSession.Result result = session.run(Map.of("query_key", q, "memory_key", k, "memory_value", v))) {
            FloatBuffer attention = ((OnnxTensor) result.get("attention").orElseThrow()).getFloatBuffer();
            float[] out = new float[attention.remaining()];
            attention.get(out);
            return out;
        }
    }

    /**
     * Builds the fast path from the weights of the pack's local-attention graph (found by their
     * shapes: relative term {@code [(2r+1)^2, CK, 1, 1]} and {@code [(2r+1)^2]}, depthwise
     * {@code [C, 1, 5, 5]}, linear {@code [C, C]} and {@code [C]}) and keeps it only if it reproduces
     * the graph on a random probe within 1e-4. A graph without those weights is tried as the distance
     * form ({@link DistanceWindowAttention}, also checked against the graph). Otherwise, or when ONNX
     * Runtime fails on the probe, the graph has to run, and the result says why.
     */
    public static WindowPath windowPathFor(java.util.Map<String, dev.nitrate.engine.onnx.OnnxInitializers.Initializer> weights,
            GraphSession graph, GraphSession linear, int radius, int keyChannels, int objects, int valueChannels) {
        int offsets = (2 * radius + 1) * (2 * radius + 1);
        int c = objects * valueChannels;
        float[] relW = find(weights, offsets, keyChannels, 1, 1);
        float[] relB = find(weights, offsets);
        float[] dw = find(weights, c, 1, 5, 5);
        float[] proj = find(weights, c, c);
        float[] projB = find(weights, c);
        if (relW == null || relB == null || dw == null || proj == null || projB == null || offsets == c) {
            DistanceWindowAttention distance = DistanceWindowAttention.fitTo(graph, radius, keyChannels, objects, valueChannels);
            return distance != null ? new WindowPath.Found(distance)
                    : new WindowPath.GraphOnly("the graph has no weights of the window form and its distance form does not match the window kernel within 1e-4");
        }
        int h = 6;
        int w = 9;
        java.util.Random random = new java.util.Random(3);
        float[] q = gaussian(random, keyChannels * h * w);
        float[] k = gaussian(random, keyChannels * h * w);
        float[] v = gaussian(random, c * h * w);
        try {
            float[] expected = runGraph(graph, q, k, v, keyChannels, objects, valueChannels, h, w);
            for (float[] candidate : new float[][] {proj, WindowAttention.transpose(proj, c, c)}) {
                WindowAttention fast = new WindowAttention(radius, keyChannels, c, relW, relB, dw, candidate, projB, linear);
                float[] actual = fast.compute(q, k, WindowAttention.transpose(v, c, h * w), h, w);
                double worst = 0;
                double scale = 1e-6;
                for (int i = 0; i < expected.length; i++) {
                    worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                    scale = Math.max(scale, Math.abs(expected[i]));
                }
                if (worst <= 1e-4 * Math.max(1.0, scale)) {
                    return new WindowPath.Found(fast);
                }
            }
        } catch (OrtException e) {
            return new WindowPath.GraphOnly("ONNX Runtime failed while checking the window kernel against the graph: " + e.getMessage());
        }
        return new WindowPath.GraphOnly("the window kernel built from the graph's weights differs from the graph by more than 1e-4");
    }

    private static float[] find(java.util.Map<String, dev.nitrate.engine.onnx.OnnxInitializers.Initializer> weights, long... dims) {
        float[] found = null;
        for (var init : weights.values()) {
            if (java.util.Arrays.equals(init.dims(), dims)) {
                if (found != null) {
                    return null;
                }
                found = init.values();
            }
        }
        return found;
    }

    private static float[] gaussian(java.util.Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    public void write(DataOutput out) throws IOException {
        out.writeBoolean(hasMemoryFrame());
        if (hasMemoryFrame()) {
            writeArray(out, memoryKey);
            writeArray(out, memoryValue);
        }
    }

    public void read(DataInput in) throws IOException {
        if (in.readBoolean()) {
            memoryKey = readArray(in, keyChannels * gridHeight * gridWidth);
            memoryValue = readArray(in, objects * valueChannels * gridHeight * gridWidth);
            memoryValueByElement = window == null ? null
                    : WindowAttention.transpose(memoryValue, objects * valueChannels, gridHeight * gridWidth);
        } else {
            clear();
        }
    }

    static void writeArray(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    static float[] readArray(DataInput in, int expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("saved local-attention memory has " + n + " values, expected " + expected);
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
