package dev.nitrate.engine.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExemplarSuggesterTest {

    /** 30 frames, shots from 0 and 20; the lowest scores at 12, 13 (one stretch), 19 (near 12) and 21 (next shot). */
    private static double[] scores() {
        double[] s = new double[30];
        java.util.Arrays.fill(s, 0.9);
        s[12] = 0.10;
        s[13] = 0.11;
        s[19] = 0.12;
        s[21] = 0.13;
        s[3] = 0.05;
        s[27] = 0.40;
        return s;
    }

    private static List<Integer> frames(List<ExemplarSuggester.Suggestion> suggestions) {
        return suggestions.stream().map(ExemplarSuggester.Suggestion::frame).toList();
    }

    @Test
    void lowestFirstAtMostOnePerStretchAndNotNearAnExemplar() {
        List<ExemplarSuggester.Suggestion> got = new ExemplarSuggester(8).suggest(scores(), List.of(0, 20), List.of(0), 10);
        // 3 is within 8 of the exemplar at 0; 13 and 19 within 8 of 12; 21 is in the next shot; 27 within 8 of 21;
        // of the rest (0.9), only 29 is 8 or more frames from every exemplar and suggestion in its shot
        assertEquals(List.of(12, 21, 29), frames(got));
        assertEquals(List.of(0, 1, 1), got.stream().map(ExemplarSuggester.Suggestion::shot).toList());
        assertEquals(0.10, got.get(0).score(), 1e-12);
    }

    @Test
    void theCountLimitsTheListAndASmallGapAllowsNeighbours() {
        assertEquals(List.of(12), frames(new ExemplarSuggester(8).suggest(scores(), List.of(0, 20), List.of(0), 1)));
        assertEquals(List.of(3, 12, 13), frames(new ExemplarSuggester(1).suggest(scores(), List.of(0, 20), List.of(0), 3)));
    }

    @Test
    void theShotOfAFrame() {
        assertEquals(0, ExemplarSuggester.shotOf(19, List.of(0, 20)));
        assertEquals(1, ExemplarSuggester.shotOf(20, List.of(0, 20)));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExemplarSuggester(0));
        assertThrows(IllegalArgumentException.class, () -> new ExemplarSuggester(5).suggest(scores(), List.of(0), List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new ExemplarSuggester(5).suggest(scores(), List.of(4), List.of(), 1));
    }
}
