package dev.nitrate.engine.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.onnx.SessionOpener;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A top-k readout computed in blocks of queries is bit for bit the readout computed in one run. The dense
 * (consolidation) readout agrees to rounding: ONNX Runtime's matrix product sums in another order for some row
 * counts, so the bank splits it only when one run would exceed the budget.
 */
class BlockedReadoutTest {

    private static final int N = 1500;
    private static final int M = 203;
    private static final int CK = 16;
    private static final int C = 40;

    @Test
    void smallBudgetsSplitTheQueriesAndGiveTheSameBits() throws Exception {
        Random random = new Random(21);
        MemoryView memory = MemoryKernelsTest.randomMemory(random, N, CK, C);
        float[] q = MemoryKernelsTest.gaussian(random, CK * M);
        float[] s = MemoryKernelsTest.selection(random, CK * M);
        MemoryKernels.TopKReadout whole;
        MemoryKernels.DenseReadout wholeDense;
        try (OnnxMemoryKernels unblocked = OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, 1), Long.MAX_VALUE)) {
            whole = unblocked.readTopK(memory, q, s, M, 30);
            wholeDense = unblocked.readDense(memory, q, s, M);
        }
        for (long budget : new long[] {1, 2 * 4 * (2 * N + 2 * C), 3 * 4 * (2 * N + 2 * C), 64 * 1024, 300 * 1024}) {
            QueryBlocks blocks = QueryBlocks.forBudget(M, N, 30, C, budget);
            assertTrue(blocks.count() > 1, "budget " + budget + " splits the queries");
            try (OnnxMemoryKernels blocked = OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, 1), budget)) {
                MemoryKernels.TopKReadout parts = blocked.readTopK(memory, q, s, M, 30);
                assertArrayEquals(whole.readout(), parts.readout(), "readout, budget " + budget);
                assertArrayEquals(whole.usage(), parts.usage(), "usage, budget " + budget);
                assertArrayEquals(whole.topWeight(), parts.topWeight(), "top weight (confidence), budget " + budget);
                MemoryKernels.DenseReadout dense = blocked.readDense(memory, q, s, M);
                assertArrayEquals(wholeDense.readout(), dense.readout(), 1e-6f, "dense readout, budget " + budget);
                assertArrayEquals(wholeDense.shrinkage(), dense.shrinkage(), 1e-5f, "dense shrinkage, budget " + budget);
            }
        }
    }

    @Test
    void blocksCoverEveryQueryOnceAndFitTheBudget() {
        QueryBlocks blocks = QueryBlocks.forBudget(8820, 98_200, 30, 1024, QueryBlocks.DEFAULT_BUDGET_BYTES);
        long perQuery = 4L * (98_200 + 30 * 1026 + 2048);
        assertTrue(blocks.blockSize() * perQuery <= QueryBlocks.DEFAULT_BUDGET_BYTES);
        int covered = 0;
        for (int b = 0; b < blocks.count(); b++) {
            assertEquals(covered, blocks.start(b));
            covered += blocks.size(b);
        }
        assertEquals(8820, covered);
        assertEquals(1, QueryBlocks.forBudget(10, 1000, 30, 8, 1).blockSize(), "at least one query per block");
        assertEquals(10, QueryBlocks.forBudget(10, 1000, 30, 8, Long.MAX_VALUE).blockSize());
    }

    @Test
    void sliceAndPlaceMoveChannelMajorColumns() {
        QueryBlocks blocks = new QueryBlocks(5, 2);
        float[] whole = {0, 1, 2, 3, 4, 10, 11, 12, 13, 14};
        assertArrayEquals(new float[] {2, 3, 12, 13}, blocks.slice(whole, 2, 1));
        assertArrayEquals(new float[] {4, 14}, blocks.slice(whole, 2, 2));
        float[] out = new float[10];
        for (int b = 0; b < blocks.count(); b++) {
            blocks.place(blocks.slice(whole, 2, b), out, 2, b);
        }
        assertArrayEquals(whole, out);
    }
}
