package dev.nitrate.engine.shots;

import dev.nitrate.engine.video.RgbPixels;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds hard cuts in a run of frames fed in order.
 *
 * <p>Each frame is reduced to a {@link FrameSignature}; the difference of two neighbouring frames is
 * their {@linkplain FrameSignature#structureDifference structure difference}, which ignores exposure
 * (a flash that lights the whole frame, a change of exposure, a fade) and follows pans of up to a
 * quarter of the frame per frame. A frame is "jumpy" when that difference is at least
 * {@link #MIN_CUT_DIFFERENCE}. Jumpy frames with fewer than {@link #QUIET_FRAMES} calm frames between
 * them form one run; a run counts only when its first jump is at least {@link #MOTION_RATIO} times the
 * recent motion (the mean difference of the last {@link #HISTORY} frames). A run is judged once
 * {@link #QUIET_FRAMES} calm frames follow it, against the frame before it:
 * <ul>
 *   <li>when the picture after the run is the same scene as before it (structure difference below
 *       half the threshold, mean luma within {@link #SAME_SCENE_LUMA}), it was a passing event such
 *       as a flash, lightning or something crossing the lens: no cut;
 *   <li>otherwise one jump alone is a cut (the picture changed at once and then held);
 *   <li>up to {@link #MAX_SHORT_SHOTS} jumps, none on a frame smeared against the frames around the
 *       run ({@link FrameSignature#blurredAgainst}, ratio {@link #BLUR_RATIO}), are real short shots:
 *       each jump starts one;
 *   <li>any other run (a whip pan, shaking, motion blur) is camera movement: no cut.
 * </ul>
 * So no shot is shorter than {@link #QUIET_FRAMES} frames unless the film really cuts there, and
 * decisions come that many frames late. Dissolves and slow fades between shots are gradual and are
 * not detected as cuts.
 */
public final class CutDetector {

    public static final double MIN_CUT_DIFFERENCE = 0.6;
    public static final double MOTION_RATIO = 2.5;
    public static final int HISTORY = 8;
    public static final int MAX_SHORT_SHOTS = 3;
    public static final double BLUR_RATIO = 0.6;
    public static final double SAME_SCENE_LUMA = 30;
    public static final int QUIET_FRAMES = 5;

    private final double[] recent = new double[HISTORY];
    private int recentCount;
    private long index = -1;
    private FrameSignature previous;
    private FrameSignature beforeRun;
    private boolean runCounts;
    private final List<Long> jumps = new ArrayList<>();
    private final List<FrameSignature> jumpFrames = new ArrayList<>();
    private int calmFrames;

    /**
     * Feeds the next frame.
     *
     * @return the frames decided to begin a new shot now, counted from 0 at the first frame fed; each is
     *     at most a run of jumpy frames and {@link #QUIET_FRAMES} behind (the first frame fed never begins one)
     */
    public List<Long> feed(RgbPixels frame) {
        return feed(FrameSignature.of(frame));
    }

    /** Feeds the next frame by its signature; see {@link #feed(RgbPixels)}. */
    public List<Long> feed(FrameSignature signature) {
        index++;
        FrameSignature before = previous;
        previous = signature;
        if (before == null) {
            return List.of();
        }
        double difference = signature.structureDifference(before);
        boolean jumpy = difference >= MIN_CUT_DIFFERENCE;
        if (jumpy) {
            if (jumps.isEmpty()) {
                beforeRun = before;
                runCounts = difference >= MOTION_RATIO * recentMotion();
            }
            jumps.add(index);
            jumpFrames.add(signature);
            calmFrames = 0;
            if (!runCounts) {
                remember(difference);
            }
            return List.of();
        }
        remember(difference);
        if (!jumps.isEmpty() && ++calmFrames >= QUIET_FRAMES) {
            return judgeRun(signature);
        }
        return List.of();
    }

    /** The earliest frame that may still be found to begin a shot: every cut before it has been returned. */
    public long undecidedFrom() {
        return jumps.isEmpty() ? index + 1 : jumps.get(0);
    }

    /** Ends the film: decides a run of jumpy frames still open at its end. */
    public List<Long> finish() {
        return jumps.isEmpty() ? List.of() : judgeRun(previous);
    }

    private List<Long> judgeRun(FrameSignature after) {
        List<Long> cuts = new ArrayList<>();
        if (runCounts && !sameScene(beforeRun, after)
                && (jumps.size() == 1 || jumps.size() <= MAX_SHORT_SHOTS && noneSmeared(after))) {
            cuts.addAll(jumps);
            recentCount = 0;
        }
        jumps.clear();
        jumpFrames.clear();
        calmFrames = 0;
        return cuts;
    }

    private boolean noneSmeared(FrameSignature after) {
        for (FrameSignature frame : jumpFrames) {
            if (frame.blurredAgainst(beforeRun, BLUR_RATIO) && frame.blurredAgainst(after, BLUR_RATIO)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameScene(FrameSignature a, FrameSignature b) {
        return a.structureDifference(b) < MIN_CUT_DIFFERENCE / 2 && Math.abs(a.mean() - b.mean()) < SAME_SCENE_LUMA;
    }

    private double recentMotion() {
        double sum = 0;
        for (int i = 0; i < recentCount; i++) {
            sum += recent[i];
        }
        return recentCount == 0 ? 0 : sum / recentCount;
    }

    private void remember(double difference) {
        System.arraycopy(recent, 0, recent, 1, HISTORY - 1);
        recent[0] = difference;
        recentCount = Math.min(HISTORY, recentCount + 1);
    }
}
