package dev.nitrate.app.export;

import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.engine.project.RenderRecord;
import java.io.IOException;

/** Opens frame sinks for exports. */
public interface FrameSinks {

    /**
     * Opens the output of a render at the given size; when {@code resumeAt > 0} the frames before it are already
     * written and the sink continues after them.
     */
    FrameSink open(RenderRecord render, FilmInfo film, int width, int height, int resumeAt) throws IOException;

    /** Whether an interrupted render of this format can continue where it stopped. */
    boolean canResume(RenderRecord render);

    /** Whether the sink can copy the film's audio. */
    boolean supportsAudio();
}
