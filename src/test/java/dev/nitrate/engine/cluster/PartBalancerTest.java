package dev.nitrate.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.shots.Shot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartBalancerTest {

    private static List<Shot> shots(long... lengths) {
        List<Shot> shots = new ArrayList<>();
        long first = 0;
        for (long length : lengths) {
            shots.add(new Shot(first, first + length - 1));
            first += length;
        }
        return shots;
    }

    private static List<Long> frames(List<ClusterPlan.Part> parts) {
        return parts.stream().map(ClusterPlan.Part::frames).toList();
    }

    @Test
    void longestShotsGoFirstToTheLightestPart() {
        List<ClusterPlan.Part> parts = PartBalancer.byCount(shots(50, 10, 40, 30, 20, 60), 3);
        assertEquals(List.of(70L, 70L, 70L), frames(parts));
        assertEquals(List.of(new Shot(50, 59), new Shot(150, 209)), parts.get(0).shots(), "shots of a part in frame order");
        List<Shot> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.shots()));
        assertEquals(new HashSet<>(shots(50, 10, 40, 30, 20, 60)), new HashSet<>(all));
        assertEquals(6, all.size(), "every shot exactly once");
    }

    @Test
    void neverMorePartsThanShotsAndNeverAnEmptyOne() {
        List<ClusterPlan.Part> parts = PartBalancer.byCount(shots(5, 7), 8);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(part -> !part.shots().isEmpty()));
        assertThrows(IllegalArgumentException.class, () -> PartBalancer.byCount(shots(5), 0));
    }

    @Test
    void aFrameLimitMakesTheFewestPartsThatKeepIt() {
        List<ClusterPlan.Part> parts = PartBalancer.byMaxFrames(shots(30, 30, 30, 30, 20, 10), 60);
        assertEquals(3, parts.size());
        assertTrue(frames(parts).stream().allMatch(f -> f <= 60), frames(parts).toString());
        List<ClusterPlan.Part> longShot = PartBalancer.byMaxFrames(shots(500, 10, 10, 10), 100);
        assertEquals(2, longShot.size(), "a shot longer than the limit is a part of its own; the rest fit in one");
        assertEquals(List.of(500L, 30L), frames(longShot));
    }

    @Test
    void theSimulatorsMakespanIsSetByTheLongestPartAndBoundedByTheLongestShot() {
        List<ScalingSimulator.Row> rows = ScalingSimulator.table(shots(100, 100, 100, 100), 8, 1.0, 10);
        assertEquals(List.of(1, 2, 4, 8), rows.stream().map(ScalingSimulator.Row::nodes).toList());
        assertEquals(410, rows.get(0).makespanSeconds(), 1e-9);
        assertEquals(210, rows.get(1).makespanSeconds(), 1e-9);
        assertEquals(110, rows.get(2).makespanSeconds(), 1e-9);
        assertEquals(110, rows.get(3).makespanSeconds(), 1e-9, "eight nodes cannot beat the longest shot");
        assertEquals(4, rows.get(3).parts());
        assertEquals(410.0 / 110 / 8, rows.get(3).efficiency(), 1e-9);
        String table = ScalingSimulator.format(shots(100, 100, 100, 100), rows, 1.0, 10);
        assertTrue(table.contains("| 4 | 4 | 100 | 1m50s | 3.7 | 93% |"), table);
        assertTrue(table.contains("limit: no number of nodes renders faster than the longest shot, 1m50s (speed-up at most 3.7)"), table);
        List<Shot> feature = ScalingSimulator.syntheticFeature(900, 1);
        assertEquals(900, feature.size());
        assertEquals(feature, ScalingSimulator.syntheticFeature(900, 1), "the same seed, the same feature");
    }
}
