package dev.nitrate.app.export;

import dev.nitrate.app.project.RenderRecord;
import dev.nitrate.engine.render.RenderOutcome;

/** Runs exports: the editor's door to the engine's resumable render job. */
public interface Renderer {

    /** Hears a render on its thread. */
    interface Listener {
        /** @param phase what it is doing, e.g. "colorize"; {@code eta} is negative until known */
        void progress(String phase, double fraction, long done, long total, double framesPerSecond, long etaSeconds);

        void warning(String message);
    }

    /** One render in flight. */
    interface Run {
        /** Runs on the calling thread until the render ends. */
        RenderOutcome run();

        /** Asks the render to stop; finished work is kept, and running the same render again resumes it. */
        void cancel();
    }

    /** Prepares a render of the context's film; running the same record again after an interruption resumes it. */
    Run prepare(RenderRecord record, RenderContext context, Listener listener);

    /** Whether video outputs carry the film's audio. */
    boolean copiesAudio();
}
