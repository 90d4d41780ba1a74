package dev.nitrate.engine.colormnet;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.colormnet.FrameSchedule.Role;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.FloatBuffer;

/**
 * ColorMNet's GRU hidden state (XMem's sensory memory), shape (1, objects, hidden channels, grid height,
 * grid width). Zeros at the start of a sequence; the decoder reads it every frame. On memory frames (when the
 * pack asks for deep updates) the value encoder's deep update replaces it; on other frames the decoder's
 * hidden output is carried to the next frame. Separate exemplar images and the first frame predicted from
 * them leave it unchanged.
 */
final class HiddenState {

    private static final String OUTPUT = "hidden_out";

    private final boolean deepUpdate;
    private final long[] shape;
    private final int length;
    private float[] values;

    HiddenState(int objects, int channels, int gridHeight, int gridWidth, boolean deepUpdate) {
        this.deepUpdate = deepUpdate;
        this.shape = new long[] {1, objects, channels, gridHeight, gridWidth};
        this.length = objects * channels * gridHeight * gridWidth;
        this.values = new float[length];
    }

    /** Back to zeros, as at the start of a sequence. */
    void reset() {
        values = new float[length];
    }

    /** Whether the value encoder's deep update becomes the hidden state after a frame of this role is stored. */
    boolean takesDeepUpdate(Role role) {
        return deepUpdate && (role == Role.EXEMPLAR_FRAME || role == Role.MEMORY_FRAME);
    }

    /** Whether the decoder's hidden output is carried to the next frame after a frame of this role. */
    boolean carriesDecoderOutput(Role role) {
        return role == Role.FRAME || (role == Role.MEMORY_FRAME && !deepUpdate);
    }

    /** The state as a graph input; valid until the state next changes. */
    OnnxTensor tensor(OrtEnvironment env) throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
    }

    /** Applies the rule after the decoder ran on a frame of this role. */
    void afterDecoder(Role role, OrtSession.Result decoded) {
        if (carriesDecoderOutput(role)) {
            values = GraphOutputs.floats(decoded, OUTPUT);
        }
    }

    /** Applies the rule after the value encoder stored a frame (or exemplar) of this role. */
    void afterValueEncoder(Role role, OrtSession.Result encoded) {
        if (takesDeepUpdate(role)) {
            values = GraphOutputs.floats(encoded, OUTPUT);
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    void read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != length) {
            throw new IOException("saved hidden state has " + n + " values, expected " + length);
        }
        float[] restored = new float[n];
        for (int i = 0; i < n; i++) {
            restored[i] = in.readFloat();
        }
        values = restored;
    }
}
