package dev.nitrate.engine.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void everyIndexIsVisitedOnceForAnyPartCountAndLength() {
        for (int parts = 1; parts <= 3; parts++) {
            try (Workers workers = new Workers(parts)) {
                for (int n : new int[] {0, 1, 2, 7, 1000}) {
                    AtomicIntegerArray visits = new AtomicIntegerArray(n);
                    workers.split(n, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            visits.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, visits.get(i), "parts " + parts + ", n " + n + ", index " + i);
                    }
                }
            }
        }
    }

    @Test
    void aFailingPartFailsTheSplit() {
        try (Workers workers = new Workers(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> workers.split(10, (from, to) -> {
                if (from == 0) {
                    throw new IllegalArgumentException("part failed");
                }
            }));
            assertEquals("part failed", e.getMessage());
        }
    }
}
