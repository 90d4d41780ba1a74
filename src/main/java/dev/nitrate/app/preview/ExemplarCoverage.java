package dev.nitrate.app.preview;

import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotExemplars;
import dev.nitrate.engine.shots.Shots;
import java.util.ArrayList;
import java.util.List;

/**
 * Which exemplars colour each shot, by the render's rule ({@link ShotExemplars}): a shot's own pins, else those of the
 * nearest earlier shot with any, else (before the first pin) those of the first shot with any.
 */
public final class ExemplarCoverage {

    /**
     * One shot's coverage.
     *
     * @param shot the shot's index, from 0
     * @param first its first frame
     * @param end one past its last frame
     * @param exemplars the exemplars that colour it (none when the project has none)
     * @param inherited whether they are another shot's, carried over because this shot has no pin of its own
     * @param fromShot the shot whose pins colour this one (itself when not inherited)
     */
    public record ShotCoverage(int shot, int first, int end, List<ProjectExemplar> exemplars, boolean inherited, int fromShot) {
        public ShotCoverage {
            exemplars = List.copyOf(exemplars);
        }
    }

    private ExemplarCoverage() {}

    public static List<ShotCoverage> of(List<ProjectExemplar> exemplars, Shots shots) {
        List<ShotCoverage> coverage = new ArrayList<>();
        if (exemplars.isEmpty()) {
            for (int s = 0; s < shots.count(); s++) {
                coverage.add(new ShotCoverage(s, shots.start(s), shots.end(s), List.of(), false, s));
            }
            return coverage;
        }
        List<ShotExemplars.Assignment> assignments = assign(exemplars, shots);
        int firstOwn = -1;
        for (int s = 0; s < assignments.size() && firstOwn < 0; s++) {
            firstOwn = assignments.get(s).inherited() ? -1 : s;
        }
        int source = firstOwn;
        for (int s = 0; s < assignments.size(); s++) {
            ShotExemplars.Assignment a = assignments.get(s);
            if (!a.inherited()) {
                source = s;
            }
            List<ProjectExemplar> chosen = a.exemplarIndexes().stream().map(exemplars::get).toList();
            coverage.add(new ShotCoverage(s, shots.start(s), shots.end(s), chosen, a.inherited(), a.inherited() ? source : s));
        }
        return coverage;
    }

    /** The render's assignment of {@code exemplars} (at least one) to {@code shots}; a pin beyond the film counts in the last shot. */
    public static List<ShotExemplars.Assignment> assign(List<ProjectExemplar> exemplars, Shots shots) {
        List<Shot> list = new ArrayList<>();
        for (int s = 0; s < shots.count(); s++) {
            list.add(new Shot(shots.start(s), shots.end(s) - 1L));
        }
        List<Long> frames = exemplars.stream().map(e -> (long) Math.min(e.frame(), shots.frameCount() - 1)).toList();
        return ShotExemplars.assign(list, frames);
    }
}
