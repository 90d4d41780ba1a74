package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotDetector;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Renders a film: streams its frames through a {@link FrameColorizer} and writes a video file or
 * a folder of frames.
 *
 * <p>Memory stays flat: one frame is in flight at a time. The render is resumable: finished work
 * lives in a work folder beside the output (spooled segments or frame files, and a checkpoint of
 * the colorizer's state at every segment boundary), and running the same request again continues
 * from the last checkpoint; the result is identical to an uninterrupted render. The output appears
 * under its final name only when complete (written to a temporary name, then renamed). One job runs
 * once; {@link #cancel()} may be called from any thread.
 */
public final class RenderJob {

    private static final System.Logger LOG = System.getLogger(RenderJob.class.getName());

    private final RenderRequest request;
    private final ColorizerFactory factory;
    private final RenderListener listener;
    private volatile boolean cancelRequested;
    private volatile FrameColorizer activeColorizer;
    private volatile long framesKept;

    public RenderJob(RenderRequest request, ColorizerFactory factory, RenderListener listener) {
        this.request = request;
        this.factory = factory;
        this.listener = listener;
    }

    /** Asks the render to stop soon; what is finished is kept for a later resume. */
    public void cancel() {
        cancelRequested = true;
        FrameColorizer colorizer = activeColorizer;
        if (colorizer != null) {
            colorizer.cancel();
        }
    }

    /** Runs the render on the calling thread. Never throws for bad input: that is a {@link RenderOutcome.Failed}. */
    public RenderOutcome run() {
        RenderOutcome outcome = attempt(System.nanoTime());
        if (outcome instanceof RenderOutcome.Failed failed) {
            LOG.log(System.Logger.Level.ERROR, "render of " + request.film() + " failed: " + failed.message(), failed.cause().orElse(null));
        }
        return outcome;
    }

    private RenderOutcome attempt(long started) {
        try {
            return execute(started);
        } catch (CancellationException e) {
            return new RenderOutcome.Cancelled(framesKept);
        } catch (ColorizeException e) {
            if (cancelRequested) {
                return new RenderOutcome.Cancelled(framesKept);
            }
            return new RenderOutcome.Failed("colorization failed: " + e.getMessage(), Optional.of(e));
        } catch (MediaException | PackException | OutputRefusedException e) {
            return new RenderOutcome.Failed(e.getMessage(), Optional.of(e));
        } catch (IOException e) {
            return new RenderOutcome.Failed(describe(e), Optional.of(e));
        } catch (RuntimeException e) {
            return new RenderOutcome.Failed("internal error: " + e, Optional.of(e));
        }
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fileProblem && fileProblem.getFile() != null) {
            String reason = fileProblem.getReason() == null ? e.getClass().getSimpleName() : fileProblem.getReason();
            if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            }
            return fileProblem.getFile() + ": " + lower(reason);
        }
        return String.valueOf(e.getMessage());
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private RenderOutcome execute(long started) throws MediaException, PackException, ColorizeException, IOException, OutputRefusedException {
        OutputSpec spec = request.output();
        RenderPreflight.Cleared cleared = RenderPreflight.check(request);
        OutputGuard guard = cleared.guard();
        Path output = guard.target();
        boolean videoLuma = spec.lumaLock() && spec.format().isVideo();
        try (FilmReader reader = Films.open(request.film(), request.openOptions().withVideoLuma(videoLuma))) {
            FilmInfo info = reader.info();
            RenderPreflight.checkFrameSize(request, info);
            spec.format().fidelityNotes(info).forEach(listener::warning);
            FrameRange range = request.frames().orElse(new FrameRange(0, info.frameCount() - 1));
            if (range.last() >= info.frameCount()) {
                throw new MediaException(request.film(), "frame range " + range + " is outside the film (frames 0-" + (info.frameCount() - 1) + ")");
            }
            RenderPlan plan = RenderPlan.of(request, info, range, listener::warning);
            List<String> notes = new ArrayList<>(plan.notes());
            String jobKey = JobKey.of(request, info, range, factory);
            WorkFolder work;
            try {
                work = WorkFolder.open(guard, jobKey, notes);
            } catch (IOException e) {
                throw new MediaException(output.getParent(), "cannot write to the output folder (" + reason(e) + ")", e);
            }
            notes.forEach(listener::warning);
            SourceFidelity.warnings(request.film(), info, range, spec.format()).forEach(listener::warning);
            List<Shot> shots = work.readShots().orElse(null);
            if (shots == null) {
                long shotsStarted = System.nanoTime();
                shots = ShotDetector.detect(reader, range.first(), range.last(),
                        done -> report(Progress.Phase.DETECTING_SHOTS, done, range.frameCount(), shotsStarted, done),
                        () -> cancelRequested);
                work.writeShots(shots);
            }
            Map<Long, SequenceStart> sequenceStarts = plan.sequenceStarts(shots, request.exemplarIsFrame());
            Optional<WorkFolder.Checkpoint> checkpoint = work.readCheckpoint(jobKey);
            long resumeAt = checkpoint.map(WorkFolder.Checkpoint::nextFrame).orElse(range.first());
            if (checkpoint.isPresent()) {
                listener.warning("resuming " + output.getFileName() + " at frame " + resumeAt + " (" + (resumeAt - range.first()) + " of "
                        + range.frameCount() + " frames already done)");
            }
            work.discardFrom(resumeAt);
            framesKept = resumeAt - range.first();
            try {
                FrameSink sink = spec.format().isVideo()
                        ? new VideoSegments(request, info, range, work, guard, cleared.container().orElseThrow(), cleared.codec().orElseThrow())
                        : new ImageFiles(guard, work, spec.format().imageFormat().orElseThrow());
                if (resumeAt <= range.last()) {
                    colorize(reader, info, range, sequenceStarts, work, sink, jobKey, checkpoint, resumeAt);
                }
                report(Progress.Phase.ASSEMBLING, 0, 1, System.nanoTime(), 0);
                sink.publish();
            } catch (MediaException e) {
                throw e.file().toAbsolutePath().startsWith(guard.workFolder()) ? new MediaException(guard.typed(), e.problem(), e) : e;
            } catch (FileSystemException e) {
                if (e.getFile() != null && Path.of(e.getFile()).toAbsolutePath().startsWith(guard.workFolder())) {
                    throw new MediaException(guard.typed(), "cannot write (" + reason(e) + ")", e);
                }
                throw e;
            }
            if (!work.delete()) {
                listener.warning(guard.workFolder() + " holds files Nitrate did not write; it was left in place");
            }
            report(Progress.Phase.ASSEMBLING, 1, 1, System.nanoTime(), 0);
            return new RenderOutcome.Completed(output, range.frameCount(), resumeAt, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void colorize(FilmReader reader, FilmInfo info, FrameRange range, Map<Long, SequenceStart> sequenceStarts,
            WorkFolder work, FrameSink sink, String jobKey, Optional<WorkFolder.Checkpoint> checkpoint, long resumeAt)
            throws MediaException, PackException, ColorizeException, IOException {
        OutputSpec spec = request.output();
        boolean sixteenBit = spec.format() == OutputFormat.TIFF || info.isHighBitDepth();
        long colorizeStarted = System.nanoTime();
        try (FrameColorizer colorizer = factory.open(request.pack(), request.inference(), info.width(), info.height())) {
            activeColorizer = colorizer;
            FramePipeline pipeline = new FramePipeline(colorizer);
            listener.engineOpened(colorizer.deviceDescription(), request.pack());
            if (cancelRequested) {
                throw new CancellationException();
            }
            if (checkpoint.isPresent() && !sequenceStarts.containsKey(resumeAt)) {
                work.restoreState(checkpoint.get(), colorizer);
            }
            int segmentLength = request.segmentFrames();
            for (long segmentStart = resumeAt; segmentStart <= range.last(); segmentStart += segmentLength) {
                long segmentEnd = Math.min(range.last(), segmentStart + segmentLength - 1);
                try {
                    sink.beginSegment(segmentStart);
                    for (long frame = segmentStart; frame <= segmentEnd; frame++) {
                        if (cancelRequested) {
                            throw new CancellationException();
                        }
                        SequenceStart sequence = sequenceStarts.get(frame);
                        if (sequence != null) {
                            colorizer.beginSequence(sequence.exemplars(), sequence.firstFrameIsExemplar());
                        }
                        DecodedFrame decoded = reader.read(frame);
                        sink.write(frame, pipeline.colorize(decoded.lightness(), decoded.pixels(), sixteenBit), decoded);
                        long done = frame - range.first() + 1;
                        report(Progress.Phase.COLORIZING, done, range.frameCount(), colorizeStarted, frame - resumeAt + 1);
                    }
                    sink.endSegment();
                } finally {
                    sink.abandonSegment();
                }
                work.writeCheckpoint(jobKey, segmentEnd + 1, colorizer);
                framesKept = segmentEnd + 1 - range.first();
            }
        } finally {
            activeColorizer = null;
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return lower(fileProblem.getReason());
        }
        return String.valueOf(e.getMessage());
    }

    private void report(Progress.Phase phase, long done, long total, long phaseStarted, long doneThisRun) {
        long elapsedNanos = System.nanoTime() - phaseStarted;
        double seconds = elapsedNanos / 1e9;
        double fps = seconds > 0 && doneThisRun > 0 ? doneThisRun / seconds : 0;
        Optional<Duration> eta = fps > 0 ? Optional.of(Duration.ofMillis((long) ((total - done) / fps * 1000))) : Optional.empty();
        listener.progress(new Progress(phase, done, total, Duration.ofNanos(elapsedNanos), fps, eta));
    }
}
