package dev.nitrate.app.adapters;

import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.metrics.ColourDistributionConsistency;
import dev.nitrate.engine.metrics.FrameMetrics;
import java.util.List;

/** Colourfulness and CDC from the engine's metrics package (the definitions of the shared scorer). */
public final class EngineShotFigures implements ShotFigures {

    @Override
    public Figures measure(List<RgbFrame> frames) {
        if (frames.isEmpty()) {
            return new Figures(0, 0);
        }
        ColourDistributionConsistency cdc = new ColourDistributionConsistency();
        double colourfulness = 0;
        for (RgbFrame frame : frames) {
            var metricsFrame = new dev.nitrate.engine.video.RgbPixels.Rgb8(frame.width(), frame.height(), frame.rgb());
            colourfulness += FrameMetrics.colourfulness(metricsFrame);
            cdc.add(FrameMetrics.channelHistograms(metricsFrame));
        }
        return new Figures(colourfulness / frames.size(), cdc.value());
    }
}
