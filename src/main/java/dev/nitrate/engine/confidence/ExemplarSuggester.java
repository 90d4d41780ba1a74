package dev.nitrate.engine.confidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Picks the frames where a new exemplar would help most: the lowest per-frame scores, at most one per stretch of
 * similar frames. A stretch is a run of at most {@code minGap} frames inside one shot: a candidate is skipped when
 * an already chosen frame, or an existing exemplar's frame, lies in the same shot less than {@code minGap}
 * frames away.
 */
public final class ExemplarSuggester {

    private final int minGap;

    /** @param minGap the fewest frames between two suggestions (or a suggestion and an exemplar) in one shot, >= 1 */
    public ExemplarSuggester(int minGap) {
        if (minGap < 1) {
            throw new IllegalArgumentException("the minimum gap must be >= 1 frame, got " + minGap);
        }
        this.minGap = minGap;
    }

    /**
     * Up to {@code count} suggestions, lowest score first.
     *
     * @param scores each frame's score, indexed from the first frame scored ({@link FrameConfidence#score()})
     * @param shotStarts the first frame of each shot, ascending, starting with 0
     * @param exemplarFrames frames that already have an exemplar
     */
    public List<Suggestion> suggest(double[] scores, List<Integer> shotStarts, List<Integer> exemplarFrames, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (shotStarts.isEmpty() || shotStarts.get(0) != 0) {
            throw new IllegalArgumentException("the first shot must start at frame 0");
        }
        List<Suggestion> chosen = new ArrayList<>();
        List<Integer> taken = new ArrayList<>(exemplarFrames);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingInt(i -> i));
        for (int frame : order) {
            if (chosen.size() == count) {
                break;
            }
            int shot = shotOf(frame, shotStarts);
            boolean nearTaken = taken.stream().anyMatch(t -> shotOf(t, shotStarts) == shot && Math.abs(t - frame) < minGap);
            if (!nearTaken) {
                chosen.add(new Suggestion(frame, shot, scores[frame]));
                taken.add(frame);
            }
        }
        return chosen;
    }

    /** The index of the shot holding {@code frame}. */
    static int shotOf(int frame, List<Integer> shotStarts) {
        int shot = 0;
        while (shot + 1 < shotStarts.size() && shotStarts.get(shot + 1) <= frame) {
            shot++;
        }
        return shot;
    }

    /**
     * One suggested frame.
     *
     * @param frame the frame index
     * @param shot the shot's index, from 0
     * @param score the frame's score
     */
    public record Suggestion(int frame, int shot, double score) {}
}
