package dev.nitrate.engine.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.onnx.SessionOpener;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readout's confidence (docs/confidence.md): the softmax peak over the top k against a flat softmax, computed
 * by the engine's ONNX kernel. A query that matches one memory element far better than the rest is sure; one that
 * matches its top k alike is not.
 */
class ReadoutConfidenceTest {

    private static final int HW = 40;
    private static final int CK = 8;
    private static final int C = 4;
    private static final int TOP_K = 10;

    @Test
    void thePeakIsMappedFromOneOverKToZeroAndFromOneToOne() {
        assertArrayEquals(new float[] {0f, 1f, 0.5f}, MemoryReadout.confidence(new float[] {0.25f, 1f, 0.625f}, 4), 1e-6f);
        assertArrayEquals(new float[] {0f, 1f}, MemoryReadout.confidence(new float[] {0.2f, 1.0000001f}, 4), 0f, "clamped");
        assertArrayEquals(new float[] {1f, 1f}, MemoryReadout.confidence(new float[] {1f, 1f}, 1), "one element kept: sure");
        assertThrows(IllegalArgumentException.class, () -> MemoryReadout.confidence(new float[1], 0));
    }

    @Test
    void aPeakedReadoutIsSureAFlatOneIsNot() throws Exception {
        Random random = new Random(3);
        float[] spread = MemoryKernelsTest.gaussian(random, CK * HW);
        float[] query = new float[CK];
        for (int c = 0; c < CK; c++) {
            query[c] = spread[c * HW + 17];
        }
        float[] identical = new float[CK * HW];
        for (int c = 0; c < CK; c++) {
            java.util.Arrays.fill(identical, c * HW, (c + 1) * HW, query[c] + 0.5f);
        }
        float[] nearlyIdentical = identical.clone();
        for (int i = 0; i < nearlyIdentical.length; i++) {
            nearlyIdentical[i] += 0.3f * (float) random.nextGaussian();
        }
        try (OnnxMemoryKernels kernels = OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, 1))) {
            float peaked = confidenceOf(kernels, spread, 20f, query);
            float flat = confidenceOf(kernels, identical, 20f, query);
            float between = confidenceOf(kernels, nearlyIdentical, 1f, query);
            assertTrue(peaked > 0.99f, "the query is element 17's key, the others are far: " + peaked);
            assertEquals(0f, flat, 1e-5f, "all elements alike: a flat softmax");
            assertTrue(between > flat && between < peaked, "elements close to one another: " + between);
        }
    }

    /** The confidence of one query against one memory frame of keys {@code keys} ({@code [CK, HW]}), shrinkage {@code shrink}. */
    private static float confidenceOf(MemoryKernels kernels, float[] keys, float shrink, float[] query) throws MemoryException {
        MemoryBank bank = new MemoryBank(new MemoryParameters(TOP_K, 1, 2, 5, 4, 100, true), HW, CK, C, kernels);
        float[] shrinkage = new float[HW];
        java.util.Arrays.fill(shrinkage, shrink);
        float[] selection = new float[CK * HW];
        java.util.Arrays.fill(selection, 1f);
        bank.addFrame(keys, shrinkage, selection, MemoryKernelsTest.gaussian(new Random(4), C * HW), true);
        float[] ones = new float[CK];
        java.util.Arrays.fill(ones, 1f);
        MemoryReadout readout = bank.readout(query, ones, 1);
        assertEquals(1, readout.confidence().length);
        float value = readout.confidence()[0];
        assertTrue(value >= 0f && value <= 1f, "in [0, 1]: " + value);
        return value;
    }
}
