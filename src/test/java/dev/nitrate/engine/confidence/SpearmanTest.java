package dev.nitrate.engine.confidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void tiesTakeTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, Spearman.ranks(new double[] {5, 6, 7, 8, 7}));
    }

    @Test
    void matchesAHandComputedCaseWithTies() {
        // ranks x 1..5, y 1, 2, 3.5, 5, 3.5: sxy = 8, sxx = 10, syy = 9.5, rho = 8 / sqrt(95)
        double rho = Spearman.correlation(new double[] {10, 20, 30, 40, 50}, new double[] {5, 6, 7, 8, 7});
        assertEquals(8 / Math.sqrt(95), rho, 1e-12);
    }

    @Test
    void monotoneRelationsGiveOneOrMinusOne() {
        double[] x = {0.1, 0.5, 0.2, 0.9};
        assertEquals(1.0, Spearman.correlation(x, new double[] {1, 25, 4, 81}), 1e-12);
        assertEquals(-1.0, Spearman.correlation(x, new double[] {9, 1, 8, -3}), 1e-12);
    }

    @Test
    void aConstantSeriesHasNoCorrelationAndLengthsMustMatch() {
        assertTrue(Double.isNaN(Spearman.correlation(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
        assertThrows(IllegalArgumentException.class, () -> Spearman.correlation(new double[] {1, 2}, new double[] {1}));
    }
}
