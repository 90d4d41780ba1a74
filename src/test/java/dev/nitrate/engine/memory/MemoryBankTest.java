package dev.nitrate.engine.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Working memory, consolidation into prototypes and long-term eviction, on the plain-Java kernels. */
class MemoryBankTest {

    private static final int HW = 20;
    private static final int CK = 4;
    private static final int C = 6;

    private final Random random = new Random(5);

    private MemoryBank bank(int minFrames, int maxFrames, int prototypes, int maxLongTerm) {
        return new MemoryBank(new MemoryParameters(5, 1, minFrames, maxFrames, prototypes, maxLongTerm, true), HW, CK, C,
                new ReferenceMemoryKernels());
    }

    private void addFrame(MemoryBank bank, boolean permanent) throws MemoryException {
        float[] sel = new float[CK * HW];
        float[] shrink = new float[HW];
        for (int i = 0; i < sel.length; i++) {
            sel[i] = random.nextFloat();
        }
        for (int i = 0; i < HW; i++) {
            shrink[i] = 1 + random.nextFloat();
        }
        bank.addFrame(MemoryKernelsTest.gaussian(random, CK * HW), shrink, sel, MemoryKernelsTest.gaussian(random, C * HW), permanent);
    }

    private float[] read(MemoryBank bank) throws MemoryException {
        return bank.readout(MemoryKernelsTest.gaussian(random, CK * 7), MemoryKernelsTest.selection(random, CK * 7), 7).values();
    }

    @Test
    void consolidatesWhenWorkingMemoryIsFullKeepingExemplarAndRecentFrames() throws MemoryException {
        MemoryBank bank = bank(3, 6, 8, 1000);
        addFrame(bank, true);
        for (int f = 0; f < 4; f++) {
            addFrame(bank, false);
            read(bank);
        }
        assertEquals(0, bank.consolidations());
        assertEquals(5 * HW, bank.workingElements());
        addFrame(bank, false);
        assertEquals(1, bank.consolidations(), "consolidation at max_mid_term_frames frames' worth, the exemplar included");
        assertEquals(HW + 2 * HW, bank.workingElements(), "exemplar plus the last min_mid_term_frames - 1 frames");
        assertEquals(HW, bank.permanentElements());
        assertEquals(8, bank.longTermElements());
    }

    @Test
    void longTermMemoryEvictsTheLeastUsedWhenFull() throws MemoryException {
        MemoryBank bank = bank(2, 3, 10, 30);
        addFrame(bank, true);
        int[] sizes = new int[8];
        for (int f = 0; f < 16; f++) {
            addFrame(bank, false);
            read(bank);
            sizes[Math.min(7, (int) bank.consolidations())] = bank.longTermElements();
            assertTrue(bank.longTermElements() <= 30, "long-term memory never exceeds its cap");
        }
        assertTrue(bank.consolidations() >= 6);
        assertEquals(10, sizes[1]);
        assertEquals(20, sizes[2]);
        assertTrue(bank.longTermElements() <= 30 && bank.longTermElements() >= 10);
    }

    @Test
    void prototypesAreTheMostUsedCandidates() throws MemoryException {
        MemoryBank bank = bank(2, 3, 1, 100);
        addFrame(bank, true);
        addFrame(bank, false);
        // a query identical to candidate element 5 of frame 1 (selection 1, key equal): it takes most attention
        float[] key = new float[CK];
        for (int c = 0; c < CK; c++) {
            key[c] = 40f * (c + 1);
        }
        float[] frameKey = MemoryKernelsTest.gaussian(random, CK * HW);
        for (int c = 0; c < CK; c++) {
            frameKey[c * HW + 5] = key[c];
        }
        bank.clear();
        addFrame(bank, true);
        float[] shrink = new float[HW];
        java.util.Arrays.fill(shrink, 1f);
        float[] sel = new float[CK * HW];
        java.util.Arrays.fill(sel, 1f);
        bank.addFrame(frameKey, shrink, sel, MemoryKernelsTest.gaussian(random, C * HW), false);
        float[] ones = new float[CK];
        java.util.Arrays.fill(ones, 1f);
        bank.readout(key, ones, 1);
        addFrame(bank, false);
        assertEquals(1, bank.longTermElements());
        MemoryView lt = viewOf(bank);
        for (int c = 0; c < CK; c++) {
            assertEquals(key[c], lt.keys().get(c), 1e-6f);
        }
    }

    private static MemoryView viewOf(MemoryBank bank) {
        try {
            var field = MemoryBank.class.getDeclaredField("store");
            field.setAccessible(true);
            return ((ElementStore) field.get(bank)).view(0, bank.longTermElements());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stateRoundTripGivesIdenticalReadouts() throws Exception {
        MemoryBank bank = bank(2, 4, 6, 40);
        addFrame(bank, true);
        for (int f = 0; f < 7; f++) {
            addFrame(bank, false);
            read(bank);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bank.write(new DataOutputStream(bytes));
        MemoryBank copy = bank(2, 4, 6, 40);
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(bank.longTermElements(), copy.longTermElements());
        assertEquals(bank.workingElements(), copy.workingElements());
        float[] q = MemoryKernelsTest.gaussian(random, CK * 3);
        float[] s = MemoryKernelsTest.selection(random, CK * 3);
        MemoryReadout original = bank.readout(q, s, 3);
        MemoryReadout restored = copy.readout(q, s, 3);
        assertArrayEquals(original.values(), restored.values());
        assertArrayEquals(original.confidence(), restored.confidence());
    }

    @Test
    void exemplarsMustComeFirst() throws MemoryException {
        MemoryBank bank = bank(2, 4, 6, 40);
        addFrame(bank, true);
        addFrame(bank, false);
        assertThrows(IllegalStateException.class, () -> addFrame(bank, true));
    }
}
