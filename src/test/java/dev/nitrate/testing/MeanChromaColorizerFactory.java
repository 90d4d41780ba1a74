package dev.nitrate.testing;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;

/** Opens {@link MeanChromaColorizer}s; tests compose the command line with it ({@link MeanChromaMain} in child JVMs). */
public final class MeanChromaColorizerFactory implements ColorizerFactory {

    @Override
    public FrameColorizer open(PackLocation pack, InferenceOptions options, int frameWidth, int frameHeight) {
        return new MeanChromaColorizer(frameWidth, frameHeight);
    }
}
