package dev.nitrate.engine.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which exemplars colour which shot.
 *
 * <p>The rule: an exemplar colours the shot it is pinned in. A shot with no exemplar of its own takes
 * the exemplars of the nearest earlier shot that has any; shots before the first pinned exemplar take
 * the exemplars of the first shot that has any. Each shot starts a fresh sequence in the colorizer
 * (its memory does not carry across a cut), seeded with its exemplars.
 */
public final class ShotExemplars {

    /**
     * A shot and the exemplars that colour it.
     *
     * @param shot the shot
     * @param exemplarIndexes indexes into the exemplar list given to {@link #assign}
     * @param inherited true when the shot has no exemplar of its own and borrows another shot's
     */
    public record Assignment(Shot shot, List<Integer> exemplarIndexes, boolean inherited) {
        public Assignment {
            exemplarIndexes = List.copyOf(exemplarIndexes);
        }
    }

    private ShotExemplars() {}

    /**
     * Assigns exemplars to shots.
     *
     * @param shots the shots, in order, covering the rendered frames
     * @param exemplarFrames the frame each exemplar is pinned to, in the exemplars' order
     */
    public static List<Assignment> assign(List<Shot> shots, List<Long> exemplarFrames) {
        if (exemplarFrames.isEmpty()) {
            throw new IllegalArgumentException("at least one exemplar is needed");
        }
        List<List<Integer>> own = new ArrayList<>();
        for (Shot shot : shots) {
            List<Integer> pinned = new ArrayList<>();
            for (int i = 0; i < exemplarFrames.size(); i++) {
                if (shot.contains(exemplarFrames.get(i))) {
                    pinned.add(i);
                }
            }
            own.add(pinned);
        }
        List<Integer> firstWithExemplars = own.stream().filter(list -> !list.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exemplar is pinned inside the rendered frames"));
        List<Assignment> assignments = new ArrayList<>();
        List<Integer> carried = firstWithExemplars;
        for (int s = 0; s < shots.size(); s++) {
            if (own.get(s).isEmpty()) {
                assignments.add(new Assignment(shots.get(s), carried, true));
            } else {
                carried = own.get(s);
                assignments.add(new Assignment(shots.get(s), carried, false));
            }
        }
        return assignments;
    }
}
