package dev.nitrate.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.app.preview.ExemplarCoverage.ShotCoverage;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.shots.Shots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExemplarCoverageTest {

    private static ProjectExemplar at(int frame) {
        return new ProjectExemplar(Path.of("e" + frame + ".png"), "h" + frame, null, frame, PinScope.FRAME, ExemplarFit.CROP);
    }

    @Test
    void eachShotShowsItsOwnPinsOrWhereItInheritsThemFrom() {
        Shots shots = Shots.of(100, List.of(0, 20, 40, 60, 80));
        ProjectExemplar a = at(25);
        ProjectExemplar b = at(30);
        ProjectExemplar c = at(65);
        List<ShotCoverage> coverage = ExemplarCoverage.of(List.of(c, a, b), shots);
        assertEquals(List.of(
                new ShotCoverage(0, 0, 20, List.of(a, b), true, 1),
                new ShotCoverage(1, 20, 40, List.of(a, b), false, 1),
                new ShotCoverage(2, 40, 60, List.of(a, b), true, 1),
                new ShotCoverage(3, 60, 80, List.of(c), false, 3),
                new ShotCoverage(4, 80, 100, List.of(c), true, 3)), coverage);
    }

    @Test
    void withoutExemplarsNoShotIsCovered() {
        List<ShotCoverage> coverage = ExemplarCoverage.of(List.of(), Shots.of(50, List.of(0, 10)));
        assertEquals(List.of(new ShotCoverage(0, 0, 10, List.of(), false, 0), new ShotCoverage(1, 10, 50, List.of(), false, 1)), coverage);
    }
}
