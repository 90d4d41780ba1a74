package dev.nitrate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pairs from the test data of Sharma, Wu and Dalal (2005), published to 4 decimals. */
class Ciede2000Test {

    @ParameterizedTest
    @CsvSource({
        "50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
        "50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
        "50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412",
        "50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000",
        "50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
        "50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792",
        "50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
        "50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977",
        "50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030",
        "50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535",
        "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
        "2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082",
    })
    void matchesPublishedPairs(double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
        assertEquals(expected, Ciede2000.difference(l1, a1, b1, l2, a2, b2), 5e-5);
        assertEquals(expected, Ciede2000.difference(l2, a2, b2, l1, a1, b1), 5e-5, "symmetric");
    }

    @Test
    void meanOverImagesAveragesPixelDifferences() {
        LabImage first = new LabImage(plane(50, 50), plane(0, 2.5f), plane(0, 0));
        LabImage second = new LabImage(plane(50, 73), plane(-1, 25), plane(2, -18));
        assertEquals((2.3669 + 27.1492) / 2, Ciede2000.mean(first, second), 5e-5);
        assertEquals(0.0, Ciede2000.mean(first, first), 0.0);
    }

    private static FloatPlane plane(float v0, float v1) {
        return new FloatPlane(2, 1, new float[] {v0, v1});
    }
}
