package dev.nitrate.app.preview;

import dev.nitrate.engine.confidence.FrameConfidence;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.metrics.ColourDistributionConsistency;
import dev.nitrate.engine.metrics.FrameMetrics;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.Optional;
import java.util.OptionalDouble;

/** Measures the {@link FrameFigures} of the frames of one colorize run, in order. */
final class FigureMeter {

    private double[][] previous;

    FrameFigures measure(Rgb8 colorized, Optional<FloatPlane> confidence) {
        double[][] histograms = FrameMetrics.channelHistograms(colorized);
        OptionalDouble change = OptionalDouble.empty();
        if (previous != null) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += ColourDistributionConsistency.jensenShannon(previous[c], histograms[c]);
            }
            change = OptionalDouble.of(sum / 3);
        }
        previous = histograms;
        OptionalDouble score = confidence.map(plane -> OptionalDouble.of(FrameConfidence.of(plane).score())).orElse(OptionalDouble.empty());
        return new FrameFigures(FrameMetrics.colourfulness(colorized), change, score);
    }
}
