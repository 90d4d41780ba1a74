package dev.nitrate.engine.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.onnx.SessionOpener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's ONNX memory kernels agree with the plain-Java reference. */
class MemoryKernelsTest {

    private static OnnxMemoryKernels onnx;
    private final ReferenceMemoryKernels reference = new ReferenceMemoryKernels();

    @BeforeAll
    static void open() throws Exception {
        onnx = OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, 1));
    }

    @AfterAll
    static void close() {
        onnx.close();
    }

    static MemoryView randomMemory(Random random, int n, int ck, int c) {
        FloatBuffer keys = direct(n * ck);
        FloatBuffer shrink = direct(n);
        FloatBuffer values = direct(n * c);
        for (int i = 0; i < n * ck; i++) {
            keys.put(i, (float) random.nextGaussian());
        }
        for (int i = 0; i < n; i++) {
            shrink.put(i, 1f + random.nextFloat() * 3f);
        }
        for (int i = 0; i < n * c; i++) {
            values.put(i, (float) random.nextGaussian());
        }
        return new MemoryView(keys, shrink, values, n, ck, c);
    }

    static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static float[] selection(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat();
        }
        return v;
    }

    @Test
    void topKReadoutAndUsageMatchTheJavaReference() throws Exception {
        Random random = new Random(11);
        int n = 420, m = 63, ck = 16, c = 24;
        MemoryView memory = randomMemory(random, n, ck, c);
        float[] q = gaussian(random, ck * m);
        float[] s = selection(random, ck * m);
        MemoryKernels.TopKReadout expected = reference.readTopK(memory, q, s, m, 30);
        MemoryKernels.TopKReadout actual = onnx.readTopK(memory, q, s, m, 30);
        assertArrayEquals(expected.readout(), actual.readout(), 2e-5f);
        assertArrayEquals(expected.usage(), actual.usage(), 2e-5f);
        assertArrayEquals(expected.topWeight(), actual.topWeight(), 2e-6f, "each query's largest softmax weight");
        double mass = 0;
        for (float u : actual.usage()) {
            mass += u;
        }
        assertEquals(m, mass, 1e-3, "each query spreads exactly one unit of attention");
    }

    @Test
    void denseReadoutMatchesTheJavaReference() throws Exception {
        Random random = new Random(12);
        int n = 300, m = 20, ck = 8, c = 10;
        MemoryView memory = randomMemory(random, n, ck, c);
        float[] q = gaussian(random, ck * m);
        float[] s = selection(random, ck * m);
        MemoryKernels.DenseReadout expected = reference.readDense(memory, q, s, m);
        MemoryKernels.DenseReadout actual = onnx.readDense(memory, q, s, m);
        assertArrayEquals(expected.readout(), actual.readout(), 2e-5f);
        assertArrayEquals(expected.shrinkage(), actual.shrinkage(), 2e-5f);
    }

    @Test
    void topKWithKEqualToTheMemorySizeIsTheDenseReadout() throws Exception {
        Random random = new Random(13);
        int n = 90, m = 7, ck = 8, c = 6;
        MemoryView memory = randomMemory(random, n, ck, c);
        float[] q = gaussian(random, ck * m);
        float[] s = selection(random, ck * m);
        assertArrayEquals(onnx.readDense(memory, q, s, m).readout(), onnx.readTopK(memory, q, s, m, n).readout(), 2e-5f);
    }

    @Test
    void topKLargerThanTheMemoryUsesEveryElement() throws Exception {
        Random random = new Random(14);
        int n = 12, m = 5, ck = 4, c = 3;
        MemoryView memory = randomMemory(random, n, ck, c);
        float[] q = gaussian(random, ck * m);
        float[] s = selection(random, ck * m);
        MemoryKernels.TopKReadout expected = reference.readTopK(memory, q, s, m, 30);
        MemoryKernels.TopKReadout actual = onnx.readTopK(memory, q, s, m, 30);
        assertArrayEquals(expected.readout(), actual.readout(), 2e-5f);
        assertArrayEquals(expected.topWeight(), actual.topWeight(), 2e-6f);
    }
}
