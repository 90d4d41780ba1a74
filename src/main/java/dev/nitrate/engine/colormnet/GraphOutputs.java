package dev.nitrate.engine.colormnet;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;

/** Reading a graph's named outputs and wrapping buffers as input tensors. */
final class GraphOutputs {

    private GraphOutputs() {}

    static OnnxTensor output(OrtSession.Result result, String name) {
        return (OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("graph output " + name + " missing"));
    }

    static float[] floats(OrtSession.Result result, String name) {
        FloatBuffer buffer = output(result, name).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static OnnxTensor tensor(OrtEnvironment env, FloatBuffer buffer, long... shape) throws OrtException {
        buffer.rewind();
        return OnnxTensor.createTensor(env, buffer, shape);
    }
}
