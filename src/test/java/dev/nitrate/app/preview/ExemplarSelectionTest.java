package dev.nitrate.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.shots.Shots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExemplarSelectionTest {

    private static ProjectExemplar at(int frame, PinScope scope) {
        return new ProjectExemplar(Path.of("/x/e" + frame + ".png"), "h" + frame, null, frame, scope, ExemplarFit.CROP);
    }

    private final Shots shots = Shots.of(100, List.of(0, 30, 70));

    @Test
    void shotPinsColourTheirWholeShotAndFramePinsOnlyInsideTheRange() {
        ProjectExemplar shotPin = at(50, PinScope.SHOT);
        ProjectExemplar framePin = at(60, PinScope.FRAME);
        ProjectExemplar elsewhere = at(80, PinScope.SHOT);
        List<ProjectExemplar> all = List.of(shotPin, framePin, elsewhere);
        assertEquals(List.of(shotPin, framePin), ExemplarSelection.forRange(all, shots, 30, 70));
        assertEquals(List.of(shotPin), ExemplarSelection.forRange(all, shots, 30, 45));
    }

    @Test
    void withoutAPinInTheRangeTheShotTakesWhatARenderGivesIt() {
        ProjectExemplar early = at(5, PinScope.FRAME);
        ProjectExemplar later = at(20, PinScope.FRAME);
        ProjectExemplar end = at(90, PinScope.FRAME);
        assertEquals(List.of(early, later), ExemplarSelection.forRange(List.of(early, later, end), shots, 30, 70),
                "all the pins of the nearest earlier shot with any, as the render's ShotExemplars carries them");
        assertEquals(List.of(at(40, PinScope.FRAME)), ExemplarSelection.forRange(List.of(later, at(40, PinScope.FRAME)), shots, 30, 38),
                "a frame pin of the same shot outside the run colours the run, as in a render");
        assertEquals(List.of(end), ExemplarSelection.forRange(List.of(end), shots, 30, 70));
        assertEquals(List.of(), ExemplarSelection.forRange(List.of(), shots, 30, 70));
    }
}
