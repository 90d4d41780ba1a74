package dev.nitrate.engine.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How a render ended. */
public sealed interface RenderOutcome permits RenderOutcome.Completed, RenderOutcome.Cancelled, RenderOutcome.Failed {

    /**
     * The output is complete under its final name.
     *
     * @param output the written file or folder
     * @param frames frames in the output
     * @param resumedAtFrame the frame this run started colorizing at (the range's first frame when nothing was resumed)
     * @param elapsed wall-clock time of this run
     */
    record Completed(Path output, long frames, long resumedAtFrame, Duration elapsed) implements RenderOutcome {}

    /**
     * Stopped on request; the work done so far is kept and the same request resumes it.
     *
     * @param framesDone frames finished and kept
     */
    record Cancelled(long framesDone) implements RenderOutcome {}

    /**
     * The render could not be done; earlier outputs are untouched.
     *
     * @param message one line: the file and the problem
     * @param cause the underlying exception, for {@code --verbose}
     */
    record Failed(String message, Optional<Throwable> cause) implements RenderOutcome {}
}
