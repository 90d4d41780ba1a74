package dev.nitrate.engine.render;

/** Hears what a render is doing. Called on the render's thread. */
public interface RenderListener {

    /** Now and then while work proceeds. */
    default void progress(Progress progress) {}

    /** Something the user should know that does not stop the render (a grayscale exemplar, a resumed job). */
    default void warning(String message) {}

    RenderListener SILENT = new RenderListener() {};
}
