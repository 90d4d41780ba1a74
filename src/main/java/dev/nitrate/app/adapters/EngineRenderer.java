package dev.nitrate.app.adapters;

import dev.nitrate.app.export.RenderContext;
import dev.nitrate.app.export.Renderer;
import dev.nitrate.app.project.ExportFormat;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.RenderRecord;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.provenance.RecordPaths;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.video.FilmOpenOptions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exports with the engine's {@link RenderJob}: shots are detected, each shot gets the exemplars pinned in it, and
 * the job keeps a work folder beside the output so that running the same request again resumes it.
 */
public final class EngineRenderer implements Renderer {

    /** Frames per spooled segment: the render resumes from the last finished segment (about a second of film). */
    public static final int SEGMENT_FRAMES = 24;

    private final ColorizerFactory colorizers;

    public EngineRenderer(ColorizerFactory colorizers) {
        this.colorizers = colorizers;
    }

    /** Quality 0..100 as an x264/x265 CRF: 100 is 12 (near transparent), 0 is 36. */
    public static int crfOf(int quality) {
        return (int) Math.round(36 - quality * 0.24);
    }

    @Override
    public Run prepare(RenderRecord record, RenderContext context, Listener listener) {
        RenderJob job;
        try {
            RenderRequest request = requestFor(record, context);
            ProvenanceRecord.Origin origin = ProvenanceRecord.Origin.editor(context.project() == null ? null
                    : RecordPaths.relative(OutputGuard.recordFileOf(record.output().toAbsolutePath()).getParent(), context.project()));
            job = new RenderJob(request, colorizers, new RenderListener() {
                @Override
                public void progress(dev.nitrate.engine.render.Progress p) {
                    listener.progress(p.phase().label(), p.fraction(), p.done(), p.total(), p.framesPerSecond(),
                            p.eta().map(java.time.Duration::toSeconds).orElse(-1L));
                }

                @Override
                public void warning(String message) {
                    listener.warning(message);
                }
            }, origin);
        } catch (IllegalArgumentException e) {
            String message = "The export cannot start: " + e.getMessage();
            return new Run() {
                @Override
                public RenderOutcome run() {
                    return new RenderOutcome.Failed(message, Optional.of(e));
                }

                @Override
                public void cancel() {
                }
            };
        }
        RenderJob started = job;
        return new Run() {
            @Override
            public RenderOutcome run() {
                return started.run();
            }

            @Override
            public void cancel() {
                started.cancel();
            }
        };
    }

    /**
     * The engine's request for a queued export: the project's exemplars, each with the fit chosen for it in the
     * exemplars panel, and the record's range, format, quality, luma lock, audio and whether it may replace an existing output.
     */
    static RenderRequest requestFor(RenderRecord record, RenderContext context) {
        List<ProjectExemplar> exemplars = context.exemplars();
        return new RenderRequest(context.film().source(), FilmOpenOptions.defaults(),
                exemplars.stream().map(e -> new PinnedExemplar(e.image(), OptionalLong.of(e.frame()), Optional.of(e.fit()))).toList(),
                ExemplarFit.CROP,
                Optional.of(new FrameRange(record.firstFrame(), record.endFrame() - 1)),
                new OutputSpec(record.output(), format(record.format()), crfOf(record.quality()), record.lumaLock(), "medium",
                        record.audioPassthrough(), record.overwrite()),
                context.settings().pack(), context.settings().inferenceOptions(), SEGMENT_FRAMES);
    }

    @Override
    public boolean copiesAudio() {
        return true;
    }

    static OutputFormat format(ExportFormat format) {
        return switch (format) {
            case MP4_H264 -> OutputFormat.H264;
            case MP4_H265 -> OutputFormat.H265;
            case PNG_SEQUENCE -> OutputFormat.PNG;
            case TIFF_SEQUENCE -> OutputFormat.TIFF;
        };
    }
}
