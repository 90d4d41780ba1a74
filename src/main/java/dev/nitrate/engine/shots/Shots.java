package dev.nitrate.engine.shots;

import java.util.Arrays;
import java.util.List;

/**
 * The shots of a whole film as their first frames (the first is always 0), with look-ups from a frame to its shot.
 *
 * @param frameCount the film's frame count
 * @param starts each shot's first frame, rising, the first 0
 */
public record Shots(int frameCount, int[] starts) {

    public Shots {
        if (starts.length == 0 || starts[0] != 0) {
            throw new IllegalArgumentException("the first shot must start at frame 0");
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] <= starts[i - 1] || starts[i] >= frameCount) {
                throw new IllegalArgumentException("shot starts must rise within the film: " + Arrays.toString(starts));
            }
        }
        starts = starts.clone();
    }

    /** One shot over the whole film. */
    public static Shots single(int frameCount) {
        return new Shots(frameCount, new int[] {0});
    }

    /** The shots starting at {@code starts}, which must rise from 0 within the film. */
    public static Shots of(int frameCount, List<Integer> starts) {
        return new Shots(frameCount, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The shots of a film of {@code frameCount} frames that {@link ShotDetector#detect} found over the whole film;
     * one shot when none starts at frame 0.
     */
    public static Shots ofDetected(int frameCount, List<Shot> detected) {
        List<Integer> starts = detected.stream().map(s -> (int) s.first()).filter(f -> f < frameCount).distinct().sorted().toList();
        return starts.isEmpty() || starts.get(0) != 0 ? single(frameCount) : of(frameCount, starts);
    }

    /** The number of shots. */
    public int count() {
        return starts.length;
    }

    /** The shot that holds {@code frame}. */
    public int shotOf(int frame) {
        int i = Arrays.binarySearch(starts, frame);
        return i >= 0 ? i : -i - 2;
    }

    /** The shot's first frame. */
    public int start(int shot) {
        return starts[shot];
    }

    /** Frame after the shot's last. */
    public int end(int shot) {
        return shot + 1 < starts.length ? starts[shot + 1] : frameCount;
    }

    /** The first frames, as a copy. */
    public int[] startsCopy() {
        return starts.clone();
    }
}
