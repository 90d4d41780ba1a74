package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.provenance.ProvenanceWriter;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotDetector;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.io.IOException;
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
 * once; {@link #cancel()} may be called from any thread. A finished render leaves its provenance record,
 * {@code OUT.nitrate.json}, beside the output (see docs/provenance.md).
 */
public final class RenderJob {

    private static final System.Logger LOG = System.getLogger(RenderJob.class.getName());

    private final RenderRequest request;
    private final ColorizerFactory factory;
    private final RenderListener listener;
    private final RenderScope scope;
    private final RenderProvenance provenance;
    private volatile boolean cancelRequested;
    private volatile FrameColorizer activeColorizer;
    private volatile long framesKept;

    /** A render of the whole film, started by a program ({@link ProvenanceRecord.Origin#program()}). */
    public RenderJob(RenderRequest request, ColorizerFactory factory, RenderListener listener) {
        this(request, factory, listener, new RenderScope.Whole(), ProvenanceRecord.Origin.program());
    }

    /** A render of the whole film; {@code origin} (a command line, an editor project) is what its provenance record names. */
    public RenderJob(RenderRequest request, ColorizerFactory factory, RenderListener listener, ProvenanceRecord.Origin origin) {
        this(request, factory, listener, new RenderScope.Whole(), origin);
    }

    /** A render of {@code scope}: the whole film, or the preparation, one part or the assembly of a render done in parts. */
    public RenderJob(RenderRequest request, ColorizerFactory factory, RenderListener listener, RenderScope scope) {
        this(request, factory, listener, scope, ProvenanceRecord.Origin.program());
    }

    /** A render of {@code scope} started by {@code origin}. */
    public RenderJob(RenderRequest request, ColorizerFactory factory, RenderListener listener, RenderScope scope, ProvenanceRecord.Origin origin) {
        this.request = request;
        this.factory = factory;
        this.listener = listener;
        this.scope = scope;
        this.provenance = new RenderProvenance(request, origin, factory);
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
            return new RenderOutcome.Failed(IoFailure.line(e), Optional.of(e));
        } catch (RuntimeException e) {
            return new RenderOutcome.Failed("internal error: " + e, Optional.of(e));
        }
    }

    private RenderOutcome execute(long started) throws MediaException, PackException, ColorizeException, IOException, OutputRefusedException {
        provenance.started();
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
            WorkFolder work = openWorkFolder(guard, jobKey, notes);
            notes.forEach(listener::warning);
            SourceFidelity.warnings(request.film(), info, range, spec.format()).forEach(listener::warning);
            List<Shot> shots = shots(reader, range, work);
            if (scope instanceof RenderScope.Prepare prepare) {
                RenderOutcome.Prepared prepared = new RenderOutcome.Prepared(jobKey, info, range, shots, Optional.empty());
                Path planFile = work.writePlan(prepare.plan().apply(prepared));
                return new RenderOutcome.Prepared(jobKey, info, range, shots, Optional.of(planFile));
            }
            List<FrameRange> segments = ShotSegments.of(shots, request.segmentFrames());
            Optional<ConfidenceFiles> confidence = Optional.empty();
            if (cleared.confidence().isPresent() && scope instanceof RenderScope.Whole) {
                boolean startingOver = work.readCheckpoint(jobKey, work.wholeCheckpoint()).isEmpty();
                confidence = Optional.of(ConfidenceFiles.open(cleared.confidence().get(), startingOver, request.confidenceOverlay()));
            }
            try {
                FrameSink sink = spec.format().isVideo()
                        ? new VideoSegments(request, info, range, segments, work, guard, cleared.container().orElseThrow(), cleared.codec().orElseThrow())
                        : new ImageFiles(guard, work, spec.format().imageFormat().orElseThrow());
                Map<Long, SequenceStart> sequenceStarts = plan.sequenceStarts(shots, request.exemplarIsFrame());
                long resumeAt = range.first();
                if (scope instanceof RenderScope.Part part) {
                    return PartRun.render(this, part, new Spool(reader, info, sequenceStarts, work, sink, jobKey, Optional.empty()), started);
                } else if (scope instanceof RenderScope.Assembly assembly) {
                    PartRun.verifyAll(assembly, shots, work, sink, jobKey, request.segmentFrames());
                } else {
                    resumeAt = render(new Spool(reader, info, sequenceStarts, work, sink, jobKey, confidence), segments, work.wholeCheckpoint(), output.getFileName().toString());
                }
                report(Progress.Phase.ASSEMBLING, 0, 1, System.nanoTime(), 0);
                Path finished = sink.finish(provenance.containerTags(guard, info, range, shots));
                ProvenanceRecord record = provenance.complete(guard, info, range, shots, finished, sink.frameFileNames());
                sink.publish();
                if (confidence.isPresent()) {
                    confidence.get().publish();
                }
                publishRecord(guard, record);
                if (!work.delete()) {
                    listener.warning(guard.workFolder() + " holds files Nitrate did not write; it was left in place");
                }
                report(Progress.Phase.ASSEMBLING, 1, 1, System.nanoTime(), 0);
                return new RenderOutcome.Completed(output, range.frameCount(), resumeAt, Duration.ofNanos(System.nanoTime() - started));
            } catch (MediaException e) {
                throw e.file().toAbsolutePath().startsWith(guard.workFolder()) ? new MediaException(guard.typed(), e.problem(), e) : e;
            } catch (FileSystemException e) {
                if (e.getFile() != null && Path.of(e.getFile()).toAbsolutePath().startsWith(guard.workFolder())) {
                    throw new MediaException(guard.typed(), "cannot write (" + IoFailure.reason(e) + ")", e);
                }
                throw e;
            }
        }
    }

    private void publishRecord(OutputGuard guard, ProvenanceRecord record) {
        try {
            ProvenanceWriter.write(record, guard);
        } catch (IOException | OutputRefusedException e) {
            LOG.log(System.Logger.Level.WARNING, "provenance record of " + guard.typed() + " not written", e);
            listener.warning(OutputGuard.recordFileOf(guard.typed()) + ": the render's record was not written ("
                    + (e instanceof IOException io ? IoFailure.reason(io) : e.getMessage()) + "); the output is complete");
        }
    }

    private WorkFolder openWorkFolder(OutputGuard guard, String jobKey, List<String> notes) throws MediaException, OutputRefusedException {
        try {
            boolean shared = scope instanceof RenderScope.Part || scope instanceof RenderScope.Assembly;
            return shared ? WorkFolder.join(guard, jobKey) : WorkFolder.open(guard, jobKey, notes);
        } catch (IOException e) {
            throw new MediaException(guard.target().getParent(), "cannot write to the output folder (" + IoFailure.reason(e) + ")", e);
        }
    }

    private List<Shot> shots(FilmReader reader, FrameRange range, WorkFolder work) throws MediaException, IOException {
        List<Shot> planned = scope instanceof RenderScope.Part part ? part.shots()
                : scope instanceof RenderScope.Assembly assembly ? assembly.shots() : null;
        Optional<List<Shot>> found = work.readShots();
        if (planned != null) {
            if (found.isPresent() && !found.get().equals(planned)) {
                throw new MediaException(request.film(), "its shots in the work folder differ from the plan's; make the plan again");
            }
            if (found.isEmpty()) {
                work.writeShots(planned);
            }
            return planned;
        }
        if (found.isPresent()) {
            return found.get();
        }
        long shotsStarted = System.nanoTime();
        List<Shot> shots = ShotDetector.detect(reader, range.first(), range.last(),
                done -> report(Progress.Phase.DETECTING_SHOTS, done, range.frameCount(), shotsStarted, done),
                () -> cancelRequested);
        work.writeShots(shots);
        return shots;
    }

    /** What segments are rendered from and into: the open film, each shot's exemplars, the work folder and the sink. */
    record Spool(FilmReader reader, FilmInfo info, Map<Long, SequenceStart> sequenceStarts, WorkFolder work, FrameSink sink, String jobKey,
            Optional<ConfidenceFiles> confidence) {}

    /**
     * Renders {@code segments} (in frame order) into the spool, resuming after the checkpoint in {@code checkpointFile}; returns
     * the frame this run started at. A whole render also clears every unfinished file of the folder; a part only its own segments.
     */
    long render(Spool spool, List<FrameRange> segments, Path checkpointFile, String name)
            throws MediaException, PackException, ColorizeException, IOException {
        WorkFolder work = spool.work();
        Optional<WorkFolder.Checkpoint> checkpoint = work.readCheckpoint(spool.jobKey(), checkpointFile);
        long total = ShotSegments.frameCount(segments);
        int resumeIndex = checkpoint.map(c -> ShotSegments.firstAtOrAfter(segments, c.nextFrame())).orElse(0);
        long done = ShotSegments.frameCount(segments.subList(0, resumeIndex));
        long resumeAt = resumeIndex < segments.size() ? segments.get(resumeIndex).first() : segments.get(segments.size() - 1).last() + 1;
        if (checkpoint.isPresent()) {
            listener.warning("resuming " + name + " at frame " + resumeAt + " (" + done + " of " + total + " frames already done)");
        }
        if (scope instanceof RenderScope.Whole) {
            work.discardFrom(resumeAt);
        } else {
            for (FrameRange segment : segments.subList(resumeIndex, segments.size())) {
                spool.sink().discard(segment);
            }
        }
        framesKept = done;
        if (resumeIndex < segments.size()) {
            colorize(spool, segments, resumeIndex, done, total, checkpoint, checkpointFile);
        }
        return resumeAt;
    }

    private void colorize(Spool spool, List<FrameRange> segments, int resumeIndex, long doneBefore, long total,
            Optional<WorkFolder.Checkpoint> checkpoint, Path checkpointFile) throws MediaException, PackException, ColorizeException, IOException {
        OutputSpec spec = request.output();
        FilmInfo info = spool.info();
        FrameSink sink = spool.sink();
        boolean sixteenBit = spec.format() == OutputFormat.TIFF || info.isHighBitDepth();
        long colorizeStarted = System.nanoTime();
        long resumeAt = segments.get(resumeIndex).first();
        try (FrameColorizer colorizer = factory.open(request.pack(), request.inference(), info.width(), info.height())) {
            activeColorizer = colorizer;
            FramePipeline pipeline = new FramePipeline(colorizer);
            listener.engineOpened(colorizer.deviceDescription(), request.pack());
            provenance.engineOpened(colorizer.deviceDescription());
            if (cancelRequested) {
                throw new CancellationException();
            }
            if (checkpoint.isPresent() && !spool.sequenceStarts().containsKey(resumeAt)) {
                spool.work().restoreState(checkpoint.get(), colorizer);
            }
            long done = doneBefore;
            for (FrameRange segment : segments.subList(resumeIndex, segments.size())) {
                try {
                    sink.beginSegment(segment.first());
                    for (long frame = segment.first(); frame <= segment.last(); frame++) {
                        if (cancelRequested) {
                            throw new CancellationException();
                        }
                        SequenceStart sequence = spool.sequenceStarts().get(frame);
                        if (sequence != null) {
                            colorizer.beginSequence(sequence.exemplars(), sequence.firstFrameIsExemplar());
                        }
                        DecodedFrame decoded = spool.reader().read(frame);
                        RgbPixels colorized = pipeline.colorize(decoded.lightness(), decoded.pixels(), sixteenBit);
                        sink.write(frame, colorized, decoded);
                        if (spool.confidence().isPresent()) {
                            spool.confidence().get().write(frame, pipeline.lastConfidence(), colorized, request.pack().toString());
                        }
                        done++;
                        report(Progress.Phase.COLORIZING, done, total, colorizeStarted, done - doneBefore);
                    }
                    sink.endSegment();
                } finally {
                    sink.abandonSegment();
                }
                spool.work().writeCheckpoint(spool.jobKey(), checkpointFile, segment.last() + 1, colorizer);
                framesKept = done;
            }
        } finally {
            activeColorizer = null;
        }
    }

    RenderRequest request() {
        return request;
    }

    RenderListener listener() {
        return listener;
    }

    void report(Progress.Phase phase, long done, long total, long phaseStarted, long doneThisRun) {
        long elapsedNanos = System.nanoTime() - phaseStarted;
        double seconds = elapsedNanos / 1e9;
        double fps = seconds > 0 && doneThisRun > 0 ? doneThisRun / seconds : 0;
        Optional<Duration> eta = fps > 0 ? Optional.of(Duration.ofMillis((long) ((total - done) / fps * 1000))) : Optional.empty();
        listener.progress(new Progress(phase, done, total, Duration.ofNanos(elapsedNanos), fps, eta));
    }
}
