package dev.nitrate.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ruler's labels on short clips name a different time at every tick. */
class RulerLabelTest {

    @Test
    void ticksWithinOneSecondCarryTheFrameWithinTheSecond() {
        assertEquals("5  0:00:05", TimelineView.rulerLabel(5, 25, 5));
        assertEquals("10  0:00:10", TimelineView.rulerLabel(10, 25, 5));
        assertEquals("30  0:01:05", TimelineView.rulerLabel(30, 25, 5));
        Set<String> times = new HashSet<>();
        for (int f = 0; f < 60; f += 5) {
            String label = TimelineView.rulerLabel(f, 29.97, 5);
            times.add(label.substring(label.indexOf("  ") + 2));
        }
        assertEquals(12, times.size(), "twelve ticks, twelve times: " + times);
    }

    @Test
    void ticksASecondOrMoreApartShowMinutesAndSeconds() {
        assertEquals("250  0:10", TimelineView.rulerLabel(250, 25, 250));
        assertEquals("1500  1:00", TimelineView.rulerLabel(1500, 25, 25));
    }
}
