package dev.nitrate.engine.shots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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

    @Test
    void cutsAreAddedAndRemovedAsNewShotsComparedByValue() {
        Shots shots = Shots.of(100, List.of(0, 30));
        Shots split = shots.withCutAt(60);
        assertEquals(List.of(0, 30, 60), split.startList());
        assertEquals(List.of(0, 30), shots.startList(), "the original shots are unchanged");
        assertSame(shots, shots.withCutAt(30), "a cut already there");
        assertSame(shots, shots.withCutAt(0), "frame 0 always starts a shot");
        assertSame(shots, shots.withCutAt(100), "past the film");
        assertEquals(shots, split.withoutCutAt(60));
        assertEquals(shots.hashCode(), split.withoutCutAt(60).hashCode());
        assertSame(shots, shots.withoutCutAt(0), "the first shot's start stays");
        assertSame(shots, shots.withoutCutAt(45), "no cut there");
        assertNotEquals(shots, Shots.of(101, List.of(0, 30)), "another film length");
        assertEquals("Shots[0, 30] of 100", shots.toString());
    }
}
