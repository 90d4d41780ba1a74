package dev.nitrate.engine.memory;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.GraphSource;
import dev.nitrate.engine.onnx.OrtRuntime;
import dev.nitrate.engine.onnx.SessionOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * The memory kernels as the engine's weight-free ONNX graphs ({@code memory_readout.onnx},
 * {@code memory_readout_dense.onnx}, written by {@code onnx/kernels/make_kernels.py}), run on the
 * same device as the networks. Memory tensors are views of the bank's direct buffers: nothing is copied in.
 */
public final class OnnxMemoryKernels implements MemoryKernels {

    static final String RESOURCE_ROOT = "/dev/nitrate/engine/kernels/";

    private final GraphSession topK;
    private final GraphSession dense;

    private OnnxMemoryKernels(GraphSession topK, GraphSession dense) {
        this.topK = topK;
        this.dense = dense;
    }

    /** Opens both kernel graphs with the given opener (device and threads). */
    public static OnnxMemoryKernels open(SessionOpener opener) throws PackException {
        GraphSession topK = opener.open("memory_readout", kernel("memory_readout.onnx"));
        try {
            return new OnnxMemoryKernels(topK, opener.open("memory_readout_dense", kernel("memory_readout_dense.onnx")));
        } catch (PackException | RuntimeException e) {
            topK.close();
            throw e;
        }
    }

    /** One of the engine's kernel graphs, from {@code /dev/nitrate/engine/kernels/}. */
    public static GraphSource kernel(String file) {
        try (InputStream in = OnnxMemoryKernels.class.getResourceAsStream(RESOURCE_ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("engine kernel " + RESOURCE_ROOT + file + " is missing from the application");
            }
            return new GraphSource.FromBytes(RESOURCE_ROOT + file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TopKReadout readTopK(MemoryView memory, float[] queryKey, float[] querySelection, int queries, int k) throws MemoryException {
        OrtEnvironment env = OrtRuntime.environment();
        int ck = memory.keyChannels();
        try (OnnxTensor key = memoryTensor(env, memory.keys(), memory.size(), ck);
                OnnxTensor shrink = memoryTensor(env, memory.shrinkage(), memory.size(), 1);
                OnnxTensor value = memoryTensor(env, memory.values(), memory.size(), memory.valueChannels());
                OnnxTensor qk = OnnxTensor.createTensor(env, FloatBuffer.wrap(queryKey), new long[] {ck, queries});
                OnnxTensor qs = OnnxTensor.createTensor(env, FloatBuffer.wrap(querySelection), new long[] {ck, queries});
                OnnxTensor kk = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {Math.min(k, memory.size())}), new long[] {1});
                OrtSession.Result result = topK.run(Map.of(
                        "memory_key", key, "memory_shrinkage", shrink, "memory_value", value,
                        "query_key", qk, "query_selection", qs, "top_k", kk))) {
            return new TopKReadout(floats(result, "readout"), floats(result, "usage"));
        } catch (OrtException e) {
            throw new MemoryException("memory readout failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DenseReadout readDense(MemoryView memory, float[] queryKey, float[] querySelection, int queries) throws MemoryException {
        OrtEnvironment env = OrtRuntime.environment();
        int ck = memory.keyChannels();
        try (OnnxTensor key = memoryTensor(env, memory.keys(), memory.size(), ck);
                OnnxTensor shrink = memoryTensor(env, memory.shrinkage(), memory.size(), 1);
                OnnxTensor value = memoryTensor(env, memory.values(), memory.size(), memory.valueChannels());
                OnnxTensor qk = OnnxTensor.createTensor(env, FloatBuffer.wrap(queryKey), new long[] {ck, queries});
                OnnxTensor qs = OnnxTensor.createTensor(env, FloatBuffer.wrap(querySelection), new long[] {ck, queries});
                OrtSession.Result result = dense.run(Map.of(
                        "memory_key", key, "memory_shrinkage", shrink, "memory_value", value,
                        "query_key", qk, "query_selection", qs))) {
            return new DenseReadout(floats(result, "readout"), floats(result, "shrinkage_readout"));
        } catch (OrtException e) {
            throw new MemoryException("memory consolidation readout failed: " + e.getMessage(), e);
        }
    }

    private static OnnxTensor memoryTensor(OrtEnvironment env, FloatBuffer buffer, int size, int channels) throws OrtException {
        return OnnxTensor.createTensor(env, buffer, new long[] {size, channels});
    }

    private static float[] floats(OrtSession.Result result, String name) throws OrtException {
        FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("kernel output " + name + " missing")))
                .getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Override
    public void cancel() {
        topK.cancel();
        dense.cancel();
    }

    @Override
    public void resetCancel() {
        topK.resetCancel();
        dense.resetCancel();
    }

    @Override
    public void close() {
        topK.close();
        dense.close();
    }
}
