package dev.nitrate.engine.attention;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.model.GraphSession;
import dev.nitrate.engine.model.OrtRuntime;
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

    /** @param valueChannels value channels per object */
    public LocalAttention(GraphSession session, int keyChannels, int objects, int valueChannels, int gridHeight, int gridWidth) {
        this.session = session;
        this.keyChannels = keyChannels;
        this.objects = objects;
        this.valueChannels = valueChannels;
        this.gridHeight = gridHeight;
        this.gridWidth = gridWidth;
    }

    /** Remembers the key {@code [CK, hw]} and value {@code [O*CV, hw]} of the newest memory frame. */
    public void setMemoryFrame(float[] key, float[] value) {
        memoryKey = key.clone();
        memoryValue = value.clone();
    }

    public boolean hasMemoryFrame() {
        return memoryKey != null;
    }

    public void clear() {
        memoryKey = null;
        memoryValue = null;
    }

    /** Adds the attention output for the query key {@code [CK, hw]} to {@code readout} ({@code [O*CV, hw]}). */
    public void addTo(float[] queryKey, float[] readout) throws OrtException {
        OrtEnvironment env = OrtRuntime.environment();
        long[] keyShape = {1, keyChannels, gridHeight, gridWidth};
        long[] valueShape = {1, objects, valueChannels, gridHeight, gridWidth};
        try (OnnxTensor q = OnnxTensor.createTensor(env, FloatBuffer.wrap(queryKey), keyShape);
                OnnxTensor k = OnnxTensor.createTensor(env, FloatBuffer.wrap(memoryKey), keyShape);
                OnnxTensor v = OnnxTensor.createTensor(env, FloatBuffer.wrap(memoryValue), valueShape);
                OrtSession.Result result = session.run(Map.of("query_key", q, "memory_key", k, "memory_value", v))) {
            FloatBuffer attention = ((OnnxTensor) result.get("attention").orElseThrow()).getFloatBuffer();
            for (int i = 0; i < readout.length; i++) {
                readout[i] += attention.get(i);
            }
        }
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
