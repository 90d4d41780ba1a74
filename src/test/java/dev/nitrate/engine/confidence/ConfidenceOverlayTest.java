package dev.nitrate.engine.confidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.FloatPlane;
import org.junit.jupiter.api.Test;

class ConfidenceOverlayTest {

    @Test
    void onlyLowConfidencePixelsOnTheHatchLinesAreTinted() {
        int width = 16;
        int height = 8;
        byte[] rgb = new byte[width * height * 3];
        java.util.Arrays.fill(rgb, (byte) 100);
        float[] confidence = new float[width * height];
        for (int i = 0; i < confidence.length; i++) {
            confidence[i] = i % width < 8 ? 0f : 0.9f;
        }
        byte[] before = rgb.clone();
        byte[] out = ConfidenceOverlay.apply(rgb, new FloatPlane(width, height, confidence));
        assertArrayEquals(before, rgb, "the frame itself is not changed");
        int tinted = 0;
        for (int i = 0; i < confidence.length; i++) {
            int x = i % width;
            int y = i / width;
            boolean onLine = Math.floorMod(x + y, ConfidenceOverlay.PERIOD) < ConfidenceOverlay.LINE;
            boolean changed = out[3 * i] != rgb[3 * i] || out[3 * i + 1] != rgb[3 * i + 1] || out[3 * i + 2] != rgb[3 * i + 2];
            assertEquals(x < 8 && onLine, changed, "pixel " + x + "," + y);
            if (changed) {
                tinted++;
                assertTrue((out[3 * i] & 0xFF) > 100 && (out[3 * i + 1] & 0xFF) < 100, "towards magenta");
            }
        }
        assertTrue(tinted > 0);
    }
}
