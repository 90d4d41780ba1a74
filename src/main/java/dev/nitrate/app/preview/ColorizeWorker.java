package dev.nitrate.app.preview;

import dev.nitrate.app.exemplars.ExemplarFitter;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizer;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs colorize jobs one at a time on its lane. It keeps the last colorizer open between jobs of the same
 * pack, options and size (opening one loads the networks), and closes it when they change or on {@link #close}.
 */
public final class ColorizeWorker implements AutoCloseable {

    private final FilmOpener films;
    private final ColorizerFactory colorizers;
    private final ExemplarFitter fitter;
    private final Lane lane;
    private volatile CancellationToken inFlight;
    /** Mirrors the token of the job in flight, for the frame loop. */
    private volatile boolean cancelRequested;
    private volatile Consumer<String> fallbackListener = reason -> { };
    private volatile FrameColorizer running;
    private FrameColorizer open;
    private Object openKey;

    public ColorizeWorker(Lane lane, FilmOpener films, ColorizerFactory colorizers, ExemplarFitter fitter) {
        this.lane = Objects.requireNonNull(lane);
        this.films = Objects.requireNonNull(films);
        this.colorizers = Objects.requireNonNull(colorizers);
        this.fitter = Objects.requireNonNull(fitter);
    }

    /** Hears, on the worker thread, why the device fell back to the CPU ({@code null}: no fallback) when a pack opens. */
    public void onDeviceFallback(Consumer<String> listener) {
        this.fallbackListener = listener;
    }

    /** Queues a job; the listener hears each frame and the outcome on the lane's thread. */
    public CancellationToken submit(ColorizeJob job, ColorizeListener listener) {
        return lane.submit(token -> {
            inFlight = token;
            cancelRequested = token.isCancelled();
            try {
                listener.finished(run(job, listener));
            } finally {
                inFlight = null;
            }
        });
    }

    /** Stops the job in flight; jobs still queued run when their turn comes. */
    public void cancel() {
        CancellationToken token = inFlight;
        if (token != null) {
            token.cancel();
        }
        cancelRequested = true;
        FrameColorizer colorizer = running;
        if (colorizer != null) {
            colorizer.cancel();
        }
    }

    private ColorizeOutcome run(ColorizeJob job, ColorizeListener listener) {
        if (job.exemplars().isEmpty()) {
            return new ColorizeOutcome.Failed("Add an exemplar first: the colorizer needs at least one colour reference.");
        }
        int done = 0;
        try (FilmReader reader = films.open(job.film())) {
            List<LabImage> references = new ArrayList<>();
            for (ProjectExemplar e : job.exemplars()) {
                references.add(fitter.fit(e.image(), e.fit(), job.width(), job.height()));
            }
            FrameColorizer colorizer = colorizerFor(job);
            running = colorizer;
            colorizer.beginSequence(references, false);
            FramePipeline pipeline = new FramePipeline(colorizer);
            FigureMeter meter = new FigureMeter();
            int from = job.first();
            long start = System.nanoTime();
            int end = Math.min(job.end(), FilmFacts.frameCount(reader.info()));
            for (int index = from; index < end; index++) {
                if (cancelRequested) {
                    return new ColorizeOutcome.Cancelled(done);
                }
                Rgb8 full = Pictures.frame(reader, index, 0, 0);
                Rgb8 source = Pictures.resize(full, job.width(), job.height());
                byte[] rgb = pipeline.colorizeRgb8(source.rgb(), job.width(), job.height());
                Rgb8 small = new Rgb8(job.width(), job.height(), rgb);
                listener.measured(index, meter.measure(small, pipeline.lastConfidence()), pipeline.lastConfidence());
                Rgb8 colorized = SourceSizeColour.of(small, full);
                done++;
                double fps = done / ((System.nanoTime() - start) / 1e9);
                listener.frame(index, full, colorized, fps, colorizer.memoryStats());
            }
            return new ColorizeOutcome.Completed(done, done / Math.max(1e-9, (System.nanoTime() - start) / 1e9));
        } catch (ColorizeException e) {
            dropColorizer();
            return cancelRequested ? new ColorizeOutcome.Cancelled(done) : new ColorizeOutcome.Failed("Colorizing failed: " + e.getMessage());
        } catch (PackException e) {
            return new ColorizeOutcome.Failed("The model pack cannot be loaded: " + e.getMessage());
        } catch (FilmException e) {
            return new ColorizeOutcome.Failed(e.getMessage());
        } catch (RuntimeException e) {
            dropColorizer();
            return new ColorizeOutcome.Failed("Colorizing stopped: " + e);
        } finally {
            running = null;
        }
    }

    private FrameColorizer colorizerFor(ColorizeJob job) throws PackException {
        PackLocation pack = job.settings().pack();
        InferenceOptions options = job.settings().inferenceOptions();
        List<Object> key = List.of(pack, options.toString(), job.width(), job.height());
        if (open == null || !key.equals(openKey)) {
            dropColorizer();
            open = colorizers.open(pack, options, job.width(), job.height());
            openKey = key;
            if (open instanceof PackColorizer packColorizer) {
                fallbackListener.accept(packColorizer.fallbackReason());
            }
        }
        return open;
    }

    private void dropColorizer() {
        if (open != null) {
            open.close();
            open = null;
            openKey = null;
        }
    }

    @Override
    public void close() {
        cancel();
        lane.submit(token -> dropColorizer());
    }
}
