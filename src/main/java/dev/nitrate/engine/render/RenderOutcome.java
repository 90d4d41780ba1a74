package dev.nitrate.engine.render;

import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.video.FilmInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a render ended. */
public sealed interface RenderOutcome permits RenderOutcome.Completed, RenderOutcome.Prepared,
        RenderOutcome.PartRendered, RenderOutcome.Cancelled, RenderOutcome.Failed {

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
     * A render prepared for parts ({@link RenderScope.Prepare}).
     *
     * @param jobKey the digest of everything that determines the output
     * @param info the film
     * @param range the frames to render
     * @param shots the shots over {@code range}
     * @param planFile where the plan was written (in the work folder; empty while it is being made)
     */
    record Prepared(String jobKey, FilmInfo info, FrameRange range, List<Shot> shots, Optional<Path> planFile) implements RenderOutcome {
        public Prepared {
            shots = List.copyOf(shots);
        }
    }

    /**
     * One part of a prepared render is done ({@link RenderScope.Part}).
     *
     * @param index the part
     * @param frames frames in the part
     * @param alreadyDone whether the part was found done and intact, so nothing was rendered
     * @param elapsed wall-clock time of this run
     */
    record PartRendered(int index, long frames, boolean alreadyDone, Duration elapsed) implements RenderOutcome {}

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
