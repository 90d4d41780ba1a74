package dev.nitrate.engine.metrics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * TCVC's colour distribution consistency, accumulated frame by frame: for each RGB channel and
 * each frame distance t in 1, 2, 4, the mean Jensen-Shannon divergence (natural log) between
 * the 256-bin histograms of frames i and i + t; a channel's score is the sum over t of those
 * means divided by 3 (a t with no frame pair adds nothing); the result is the mean over
 * channels. Lower is steadier. This is vceval.py's definition.
 */
public final class ColourDistributionConsistency {

    private static final int[] DISTANCES = {1, 2, 4};
    private static final int LONGEST = 4;

    private final Deque<double[][]> recent = new ArrayDeque<>();
    private final double[][] divergenceSums = new double[3][DISTANCES.length];
    private final long[] pairCounts = new long[DISTANCES.length];

    /** Adds the next frame's channel histograms ({@code [3][256]}, as {@link FrameMetrics#channelHistograms}). */
    public void add(double[][] histograms) {
        int back = 1;
        for (Iterator<double[][]> it = recent.descendingIterator(); it.hasNext(); back++) {
            double[][] earlier = it.next();
            for (int d = 0; d < DISTANCES.length; d++) {
                if (DISTANCES[d] == back) {
                    for (int c = 0; c < 3; c++) {
                        divergenceSums[c][d] += jensenShannon(earlier[c], histograms[c]);
                    }
                    pairCounts[d]++;
                }
            }
        }
        recent.addLast(histograms);
        if (recent.size() > LONGEST) {
            recent.removeFirst();
        }
    }

    /** The consistency of the frames added so far; 0 for fewer than two frames. */
    public double value() {
        double total = 0;
        for (int c = 0; c < 3; c++) {
            double channel = 0;
            for (int d = 0; d < DISTANCES.length; d++) {
                if (pairCounts[d] > 0) {
                    channel += divergenceSums[c][d] / pairCounts[d] / 3;
                }
            }
            total += channel;
        }
        return total / 3;
    }

    /** Jensen-Shannon divergence (natural log) of two histograms, each normalised to sum 1 first. */
    public static double jensenShannon(double[] p, double[] q) {
        double sumP = 0, sumQ = 0;
        for (int i = 0; i < p.length; i++) {
            sumP += p[i];
            sumQ += q[i];
        }
        double klP = 0, klQ = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sumP;
            double qi = q[i] / sumQ;
            double mi = (pi + qi) / 2;
            if (pi > 0) {
                klP += pi * Math.log(pi / mi);
            }
            if (qi > 0) {
                klQ += qi * Math.log(qi / mi);
            }
        }
        return 0.5 * klP + 0.5 * klQ;
    }
}
