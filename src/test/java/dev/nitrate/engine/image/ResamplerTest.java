package dev.nitrate.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void bilinearUsesHalfPixelCentresLikePyTorch() {
        FloatPlane ramp = new FloatPlane(4, 1, new float[] {0, 10, 20, 30});
        // align_corners=False: output x=0 samples source 0.5, x=1 samples 2.5
        assertArrayEquals(new float[] {5, 25}, Resampler.bilinear(ramp, 2, 1).values());
        // upscaling 2 -> 4 samples -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to the last pixel's right neighbour)
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, Resampler.bilinear(new FloatPlane(2, 1, new float[] {0, 10}), 4, 1).values());
        assertSame(ramp, Resampler.bilinear(ramp, 4, 1));
    }

    @Test
    void bilinearRgbResizesEachChannelAsAPlaneAndRounds() {
        byte[] rgb = {0, 100, (byte) 255, 11, 50, (byte) 200};
        byte[] half = Resampler.bilinearRgb8(rgb, 2, 1, 1, 1);
        assertEquals(6, half[0]); // 5.5 rounds up
        assertEquals(75, half[1]);
        assertEquals(228, half[2] & 0xFF); // 227.5 rounds up
    }

    @Test
    void areaAverageMeansEveryCoveredPixelAndRepeatsWhenUpscaling() {
        byte[] rgb = {0, 0, 0, 10, 20, 30, 20, 40, 60, 30, 60, 90};
        assertArrayEquals(new byte[] {15, 30, 45}, Resampler.areaAverageRgb8(rgb, 2, 2, 1, 1));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 10, 20, 30, 10, 20, 30},
                Resampler.areaAverageRgb8(new byte[] {0, 0, 0, 10, 20, 30}, 2, 1, 4, 1));
    }

    @Test
    void areaAverageWindowFillsTheRectangleAndLeavesTheBackgroundElsewhere() {
        FloatPlane flat = new FloatPlane(8, 8, filled(64, 7f));
        FloatPlane padded = Resampler.areaAverageWindow(flat, 0, 0, 8, 8, 4, 2, 1, 0, 2, 2, 50f);
        assertArrayEquals(new float[] {50, 7, 7, 50, 50, 7, 7, 50}, padded.values());
        FloatPlane checker = new FloatPlane(2, 2, new float[] {0, 100, 100, 0});
        assertEquals(50f, Resampler.areaAverageWindow(checker, 0, 0, 2, 2, 1, 1, 0, 0, 1, 1, 0f).values()[0], 1e-4);
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
