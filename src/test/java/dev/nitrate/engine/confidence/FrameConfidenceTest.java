package dev.nitrate.engine.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nitrate.engine.image.FloatPlane;
import org.junit.jupiter.api.Test;

class FrameConfidenceTest {

    @Test
    void theScoreIsTheMeanConfidenceAndLowCountsPixelsUnderAHalf() {
        FrameConfidence f = FrameConfidence.of(new FloatPlane(2, 2, new float[] {1f, 0.2f, 0.5f, 0.1f}));
        assertEquals(0.45, f.score(), 1e-6);
        assertEquals(0.5, f.lowFraction(), 1e-12);
    }

    @Test
    void valuesOutsideZeroToOneAreClampedSoTheScoreStaysInBounds() {
        FrameConfidence f = FrameConfidence.of(new FloatPlane(3, 1, new float[] {1.5f, 0.2f, 1f}));
        assertEquals(2.2 / 3.0, f.score(), 1e-6);
        assertEquals(1 / 3.0, f.lowFraction(), 1e-12);
        assertEquals(1.0, FrameConfidence.of(new FloatPlane(2, 1, new float[] {2f, 1.2f})).score(), 1e-12);
        assertEquals(0.0, FrameConfidence.of(new FloatPlane(2, 1, new float[] {-2f, -0.1f})).score(), 1e-12);
    }

    @Test
    void scoresOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameConfidence(1.01, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameConfidence(0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new FrameConfidence(Double.NaN, 0));
    }
}
