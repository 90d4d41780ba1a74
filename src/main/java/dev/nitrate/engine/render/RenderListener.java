package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.PackLocation;

/** Hears what a render is doing. Called on the render's thread. */
public interface RenderListener {

    /** Now and then while work proceeds. */
    default void progress(Progress progress) {}

    /** Something the user should know that does not stop the render (a grayscale exemplar, a resumed job). */
    default void warning(String message) {}

    /**
     * Once, when the colorizer has been opened (not at all when a resumed render has nothing left to colorize).
     *
     * @param deviceDescription where the networks run and, after a fallback, why ({@link FrameColorizer#deviceDescription()})
     * @param pack the model pack in use
     */
    default void engineOpened(String deviceDescription, PackLocation pack) {}

    RenderListener SILENT = new RenderListener() {};
}
