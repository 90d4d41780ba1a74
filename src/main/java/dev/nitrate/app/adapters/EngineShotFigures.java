package dev.nitrate.app.adapters;

import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.engine.metrics.ColourDistributionConsistency;
import dev.nitrate.engine.metrics.FrameMetrics;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.List;

/** Colourfulness and CDC from the engine's metrics package (the definitions of the shared scorer). */
public final class EngineShotFigures implements ShotFigures {

    @Override
    public Figures measure(List<Rgb8> frames) {
        if (frames.isEmpty()) {
            return new Figures(0, 0);
        }
        ColourDistributionConsistency cdc = new ColourDistributionConsistency();
        double colourfulness = 0;
        for (Rgb8 frame : frames) {
            colourfulness += FrameMetrics.colourfulness(frame);
            cdc.add(FrameMetrics.channelHistograms(frame));
        }
        return new Figures(colourfulness / frames.size(), cdc.value());
    }
}
