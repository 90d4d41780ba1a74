package dev.nitrate.app.timeline;

import dev.nitrate.app.preview.ExemplarCoverage;
import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import java.util.BitSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the timeline's lanes below the shots show.
 *
 * @param coverage which exemplars colour each shot
 * @param previewed the frames with a cached preview
 * @param figures the previewed frames' figures, by frame
 * @param suggestions frames where a new exemplar would help most, lowest confidence first
 */
public record LaneContent(List<ExemplarCoverage.ShotCoverage> coverage, BitSet previewed, SortedMap<Integer, FrameFigures> figures,
                          List<Suggestion> suggestions) {

    public static final LaneContent EMPTY = new LaneContent(List.of(), new BitSet(), new TreeMap<>(), List.of());

    public LaneContent {
        coverage = List.copyOf(coverage);
        previewed = (BitSet) previewed.clone();
        figures = new TreeMap<>(figures);
        suggestions = List.copyOf(suggestions);
    }

    /** The coverage of the shot holding {@code frame}, or null. */
    public ExemplarCoverage.ShotCoverage coverageAt(int frame) {
        return coverage.stream().filter(c -> frame >= c.first() && frame < c.end()).findFirst().orElse(null);
    }
}
