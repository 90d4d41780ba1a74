package dev.nitrate.app.interim;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.app.timeline.ShotDetector;
import dev.nitrate.app.timeline.Shots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Cuts where the luma histograms of neighbouring frames (at 64 pixels wide) differ by more than a threshold
 * (half the total variation distance), with shots of at least 6 frames.
 */
public final class HistogramShotDetector implements ShotDetector {

    private static final int BINS = 32;
    private static final double THRESHOLD = 0.45;
    private static final int MIN_SHOT = 6;

    @Override
    public Shots detect(FilmReader reader, IntConsumer progress, BooleanSupplier cancelled) throws FilmException {
        int count = reader.info().frameCount();
        List<Integer> starts = new ArrayList<>(List.of(0));
        double[] previous = null;
        for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
            double[] histogram = histogram(reader.frame(i, 64, 64));
            if (previous != null) {
                double distance = 0;
                for (int b = 0; b < BINS; b++) {
                    distance += Math.abs(histogram[b] - previous[b]);
                }
                if (distance / 2 > THRESHOLD && i - starts.get(starts.size() - 1) >= MIN_SHOT) {
                    starts.add(i);
                }
            }
            previous = histogram;
            progress.accept(i + 1);
        }
        return Shots.of(count, starts);
    }

    private static double[] histogram(RgbFrame frame) {
        double[] h = new double[BINS];
        byte[] rgb = frame.rgb();
        int pixels = frame.width() * frame.height();
        for (int i = 0; i < pixels; i++) {
            int luma = (299 * (rgb[3 * i] & 255) + 587 * (rgb[3 * i + 1] & 255) + 114 * (rgb[3 * i + 2] & 255)) / 1000;
            h[luma * BINS / 256] += 1.0 / pixels;
        }
        return h;
    }
}
