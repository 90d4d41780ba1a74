package dev.nitrate.app.adapters;

import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.engine.metrics.ColourDistributionConsistency;
import dev.nitrate.engine.metrics.FrameMetrics;
import dev.nitrate.engine.video.RgbPixels.Rgb8;

/** Colourfulness and CDC from the engine's metrics package (the definitions of the shared scorer). */
public final class EngineShotFigures implements ShotFigures {

    @Override
    public Tally tally() {
        return new Tally() {
            private final ColourDistributionConsistency cdc = new ColourDistributionConsistency();
            private double colourfulness;
            private int frames;

            @Override
            public void add(Rgb8 frame) {
                colourfulness += FrameMetrics.colourfulness(frame);
                cdc.add(FrameMetrics.channelHistograms(frame));
                frames++;
            }

            @Override
            public Figures figures() {
                return frames == 0 ? new Figures(0, 0) : new Figures(colourfulness / frames, cdc.value());
            }
        };
    }
}
