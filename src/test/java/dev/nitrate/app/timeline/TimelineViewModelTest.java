package dev.nitrate.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.shots.Shots;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {

    private TimelineViewModel loaded() {
        TimelineViewModel model = new TimelineViewModel();
        model.load(100, 25);
        model.shotsProperty().set(Shots.of(100, List.of(0, 30, 70)));
        return model;
    }

    @Test
    void framesStepAndClampAtBothEnds() {
        TimelineViewModel model = loaded();
        model.step(1);
        assertEquals(1, model.currentFrameProperty().get());
        model.step(-5);
        assertEquals(0, model.currentFrameProperty().get());
        model.end();
        assertEquals(99, model.currentFrameProperty().get());
        model.step(3);
        assertEquals(99, model.currentFrameProperty().get());
        model.home();
        assertEquals(0, model.currentFrameProperty().get());
    }

    @Test
    void shiftJumpsBetweenShotStarts() {
        TimelineViewModel model = loaded();
        model.seek(10);
        model.nextShot();
        assertEquals(30, model.currentFrameProperty().get());
        model.nextShot();
        assertEquals(70, model.currentFrameProperty().get());
        model.nextShot();
        assertEquals(99, model.currentFrameProperty().get());
        model.previousShot();
        assertEquals(70, model.currentFrameProperty().get());
        model.previousShot();
        assertEquals(30, model.currentFrameProperty().get());
        assertEquals(1, model.currentShot());
    }

    @Test
    void shuttleKeysSetDirectionAndSpeedAndPlaybackAdvances() {
        TimelineViewModel model = loaded();
        model.shuttleForward();
        assertEquals(1.0, model.playbackRateProperty().get());
        model.shuttleForward();
        assertEquals(2.0, model.playbackRateProperty().get());
        assertTrue(model.playingProperty().get());
        model.advance(0.5);
        assertEquals(25, model.currentFrameProperty().get(), "0.5 s at 25 fps and double speed");
        model.shuttleBackward();
        assertEquals(-1.0, model.playbackRateProperty().get());
        model.advance(0.2);
        assertEquals(20, model.currentFrameProperty().get());
        model.stop();
        assertFalse(model.playingProperty().get());
        model.advance(1);
        assertEquals(20, model.currentFrameProperty().get());
    }

    @Test
    void playbackStopsAtTheEnd() {
        TimelineViewModel model = loaded();
        model.seek(95);
        model.togglePlay();
        model.advance(1);
        assertEquals(99, model.currentFrameProperty().get());
        assertFalse(model.playingProperty().get());
    }

    @Test
    void zoomIsClampedAndFitUsesTheWidth() {
        TimelineViewModel model = loaded();
        model.zoomToFit(400);
        assertEquals(4.0, model.pixelsPerFrameProperty().get(), 1e-9);
        for (int i = 0; i < 40; i++) {
            model.zoomBy(2);
        }
        assertEquals(64, model.pixelsPerFrameProperty().get(), 1e-9);
    }

    @Test
    void shotsFindTheirFramesAndRejectBadStarts() {
        Shots shots = Shots.of(100, List.of(0, 30, 70));
        assertEquals(0, shots.shotOf(29));
        assertEquals(1, shots.shotOf(30));
        assertEquals(2, shots.shotOf(99));
        assertEquals(70, shots.end(1));
        assertEquals(100, shots.end(2));
        assertThrows(IllegalArgumentException.class, () -> Shots.of(100, List.of(5, 30)));
        assertThrows(IllegalArgumentException.class, () -> Shots.of(100, List.of(0, 30, 30)));
    }
}
