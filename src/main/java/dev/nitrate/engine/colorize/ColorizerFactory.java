package dev.nitrate.engine.colorize;


/** Opens colorizers on a model pack: how render jobs, the CLI and the editor get an engine. */
@FunctionalInterface
public interface ColorizerFactory {

    /**
     * Opens a colorizer for frames of the given size.
     *
     * @throws PackException when the pack cannot be loaded (the message names the file and the problem)
     */
    FrameColorizer open(PackLocation pack, InferenceOptions options, int frameWidth, int frameHeight) throws PackException;
}
