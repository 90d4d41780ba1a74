package dev.nitrate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardCutDetectorTest {

    @Test
    void findsTheCutBetweenTwoRealClipsAndNoneWithinThem() {
        List<RgbFrame> frames = PngFrames.sequence("gt", 0, 12);
        HardCutDetector detector = new HardCutDetector();
        List<Integer> cuts = new ArrayList<>();
        List<Double> withinShots = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (detector.startsNewShot(frames.get(i))) {
                cuts.add(i);
            } else if (i > 0) {
                withinShots.add(detector.lastDistance());
            }
        }
        assertEquals(List.of(6), cuts);
        assertTrue(withinShots.stream().allMatch(d -> d < HardCutDetector.DEFAULT_THRESHOLD / 2), withinShots::toString);
    }

    @Test
    void firstFrameNeverStartsANewShotAndAFlatColourChangeDoes() {
        HardCutDetector detector = new HardCutDetector();
        assertFalse(detector.startsNewShot(flat(20, 20, 20)));
        assertFalse(detector.startsNewShot(flat(22, 21, 20)));
        assertTrue(detector.startsNewShot(flat(200, 100, 90)));
        assertEquals(1.0, detector.lastDistance(), 1e-12);
    }

    private static RgbFrame flat(int r, int g, int b) {
        byte[] rgb = new byte[8 * 8 * 3];
        for (int j = 0; j < rgb.length; j += 3) {
            rgb[j] = (byte) r;
            rgb[j + 1] = (byte) g;
            rgb[j + 2] = (byte) b;
        }
        return new RgbFrame(8, 8, rgb);
    }
}
