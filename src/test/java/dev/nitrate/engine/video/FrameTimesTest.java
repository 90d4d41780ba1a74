package dev.nitrate.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FrameTimesTest {

    private static final Rational MILLISECONDS = new Rational(1, 1000);

    @Test
    void evenFramesRoundedToMillisecondsAreAConstantRate() {
        long[] pts = new long[500];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = Math.round(i * 1001 / 24.0);
        }
        assertNull(FrameTimes.ifVariable(MILLISECONDS, pts, pts[pts.length - 1] + 42));
    }

    @Test
    void oneMissingSlotOnAFrameGridIsVariable() {
        long[] pts = new long[49];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = i < 25 ? i : i + 1;
        }
        FrameTimes times = FrameTimes.ifVariable(new Rational(1, 25), pts, 50);
        assertNotNull(times);
        assertEquals(0.96, times.secondsAt(24), 1e-12);
        assertEquals(1.04, times.secondsAt(25), 1e-12);
        assertEquals(2.0, times.secondsAt(49), 1e-12);
    }

    @Test
    void aSlowDriftAwayFromTheAverageRateIsVariable() {
        long[] pts = new long[600];
        for (int i = 1; i < pts.length; i++) {
            pts[i] = pts[i - 1] + (i < 300 ? 3010 : 2990);
        }
        assertNotNull(FrameTimes.ifVariable(new Rational(1, 90000), pts, pts[pts.length - 1] + 3000));
    }

    @Test
    void aSliceCountsFromItsFirstFrameAndEndsWhereTheNextBegins() {
        FrameTimes times = new FrameTimes(new Rational(1, 25), new long[] {0, 1, 2, 4, 5, 8}, 9);
        FrameTimes slice = times.slice(2, 4);
        assertArrayEquals(new long[] {0, 2, 3}, slice.pts());
        assertEquals(6, slice.endPts());
        assertEquals(5, times.slice(3, 5).endPts());
    }

    @Test
    void theLastFrameEndsAfterItsOwnDurationUnlessPacketsAreReordered() {
        long[] sorted = {0, 1, 2, 4, 5, 8, 9};
        assertEquals(12, FfmpegInput.endOfLastFrame(sorted, 9, 3, false), "in display order the packet's own duration counts");
        assertEquals(10, FfmpegInput.endOfLastFrame(sorted, 9, 3, true), "a decode-time step of reordered packets does not; the last step does");
        assertEquals(10, FfmpegInput.endOfLastFrame(sorted, 9, 0, false), "no duration: the last step");
        assertEquals(6, FfmpegInput.endOfLastFrame(new long[] {5}, 5, 0, true), "one frame without a duration lasts one tick");
    }
}
