package dev.nitrate.engine.shots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShotsTest {

    @Test
    void detectedShotsBecomeTheirFirstFramesWithLookUps() {
        Shots shots = Shots.ofDetected(100, List.of(new Shot(0, 29), new Shot(30, 69), new Shot(70, 99)));
        assertArrayEquals(new int[] {0, 30, 70}, shots.startsCopy());
        assertEquals(1, shots.shotOf(45));
        assertEquals(70, shots.end(1));
        assertEquals(100, shots.end(2));
    }

    @Test
    void detectionsThatDoNotStartTheFilmGiveOneShot() {
        assertEquals(1, Shots.ofDetected(50, List.of()).count());
        assertEquals(1, Shots.ofDetected(50, List.of(new Shot(10, 49))).count());
    }
}
