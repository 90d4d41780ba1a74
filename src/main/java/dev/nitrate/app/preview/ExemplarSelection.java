package dev.nitrate.app.preview;

import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.shots.Shots;
import java.util.ArrayList;
import java.util.List;

/**
 * Which exemplars colour a run of frames: those pinned to a shot the run overlaps and those pinned to a frame
 * inside the run; failing that, those that colour the run's first shot in a render ({@link ExemplarCoverage}: the
 * nearest earlier shot's pins, or before the first pin the first pinned shot's).
 */
public final class ExemplarSelection {

    private ExemplarSelection() {}

    public static List<ProjectExemplar> forRange(List<ProjectExemplar> all, Shots shots, int first, int end) {
        List<ProjectExemplar> chosen = new ArrayList<>();
        int firstShot = shots.shotOf(first);
        int lastShot = shots.shotOf(end - 1);
        for (ProjectExemplar e : all) {
            int shot = shots.shotOf(Math.min(e.frame(), shots.frameCount() - 1));
            boolean inShot = e.scope() == PinScope.SHOT && shot >= firstShot && shot <= lastShot;
            boolean inRange = e.scope() == PinScope.FRAME && e.frame() >= first && e.frame() < end;
            if (inShot || inRange) {
                chosen.add(e);
            }
        }
        if (chosen.isEmpty() && !all.isEmpty()) {
            ExemplarCoverage.assign(all, shots).get(firstShot).exemplarIndexes().forEach(i -> chosen.add(all.get(i)));
        }
        return chosen;
    }
}
