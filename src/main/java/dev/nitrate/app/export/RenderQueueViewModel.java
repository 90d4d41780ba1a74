package dev.nitrate.app.export;

import dev.nitrate.app.Services;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.app.preview.ColorizeJob;
import dev.nitrate.app.preview.ColorizeListener;
import dev.nitrate.app.preview.ColorizeOutcome;
import dev.nitrate.app.preview.ColorizeWorker;
import dev.nitrate.app.preview.ExemplarSelection;
import dev.nitrate.app.interim.LumaLock;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.project.RenderRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The render queue: renders run one after the other on their own colorizer, report progress and time left, can be
 * cancelled, and record their progress in the project so that an interrupted render resumes after a restart.
 */
public final class RenderQueueViewModel implements AutoCloseable {

    /** Largest frame height the networks run at during export; chroma is scaled up to the film's size. */
    public static final int PROCESSING_HEIGHT = 480;
    private static final int CHECKPOINT_EVERY = 8;

    private final Services services;
    private final Executor ui;
    private final Runnable changed;
    private final ColorizeWorker worker;
    private final ObservableList<RenderItem> items = FXCollections.observableArrayList();
    private Supplier<RenderContext> context;
    private RenderItem running;

    public RenderQueueViewModel(Services services, Executor ui, Runnable changed) {
        this.services = services;
        this.ui = ui;
        this.changed = changed;
        this.worker = new ColorizeWorker(services.films(), services.colorizers(), services.exemplarFitter());
    }

    public void setContext(Supplier<RenderContext> context) {
        this.context = context;
    }

    /** A new render of the current film. */
    public RenderItem enqueue(Path output, dev.nitrate.engine.project.ExportFormat format, int quality, int first, int end,
                              boolean lumaLock, boolean audio) {
        String id = UUID.randomUUID().toString();
        Path checkpoint = services.appData().resolve("renders").resolve(id + ".state");
        RenderItem item = new RenderItem(new RenderRecord(id, output.toAbsolutePath(), format, quality, first, end,
                lumaLock, audio && services.frameSinks().supportsAudio(), 0, checkpoint));
        items.add(item);
        changed.run();
        startNext();
        return item;
    }

    /** Loads a project's renders; unfinished ones are resumed. */
    public void load(List<RenderRecord> records) {
        cancelAll();
        items.clear();
        for (RenderRecord r : records) {
            RenderItem item = new RenderItem(r);
            if (r.finished()) {
                item.stateProperty().set(RenderItem.State.DONE);
                item.detailProperty().set("Done");
            } else {
                item.stateProperty().set(RenderItem.State.QUEUED);
                item.detailProperty().set(services.frameSinks().canResume(r) && r.framesDone() > 0
                        ? "Interrupted at frame " + (r.firstFrame() + r.framesDone()) + ": resuming"
                        : "Interrupted: starting again");
            }
            items.add(item);
        }
        startNext();
    }

    public void cancel(RenderItem item) {
        if (item == running) {
            worker.cancel();
        } else if (item.stateProperty().get() == RenderItem.State.QUEUED) {
            item.stateProperty().set(RenderItem.State.CANCELLED);
            item.detailProperty().set("Cancelled");
            changed.run();
        }
    }

    /** Removes finished, cancelled and failed renders from the list. */
    public void clearFinished() {
        items.removeIf(i -> i.stateProperty().get() != RenderItem.State.QUEUED && i != running);
        changed.run();
    }

    public List<RenderRecord> records() {
        return items.stream()
                .filter(i -> i.stateProperty().get() != RenderItem.State.CANCELLED && i.stateProperty().get() != RenderItem.State.FAILED)
                .map(i -> i.recordProperty().get()).toList();
    }

    public ObservableList<RenderItem> items() {
        return items;
    }

    private void cancelAll() {
        if (running != null) {
            worker.cancel();
        }
    }

    private void startNext() {
        if (running != null || context == null) {
            return;
        }
        RenderItem next = items.stream().filter(i -> i.stateProperty().get() == RenderItem.State.QUEUED).findFirst().orElse(null);
        if (next == null) {
            return;
        }
        RenderContext ctx = context.get();
        if (ctx.film() == null) {
            next.stateProperty().set(RenderItem.State.FAILED);
            next.detailProperty().set("No film is open");
            return;
        }
        running = next;
        start(next, ctx);
    }

    private void start(RenderItem item, RenderContext ctx) {
        RenderRecord record = item.recordProperty().get();
        int height = Math.min(ctx.film().height(), PROCESSING_HEIGHT) & ~1;
        int width = (int) Math.round((double) height * ctx.film().width() / ctx.film().height()) & ~1;
        boolean resume = services.frameSinks().canResume(record) && record.framesDone() > 0 && record.checkpoint() != null;
        int resumeAt = resume ? record.firstFrame() + record.framesDone() : record.firstFrame();
        if (!resume && record.framesDone() > 0) {
            record = record.withProgress(0, record.checkpoint());
            item.recordProperty().set(record);
        }
        RenderRecord started = record;
        ColorizeJob job = new ColorizeJob(ctx.film().source(), record.firstFrame(), record.endFrame(),
                ExemplarSelection.forRange(ctx.exemplars(), ctx.shots(), record.firstFrame(), record.endFrame()),
                ctx.settings(), width, height,
                record.checkpoint() == null ? null : new ColorizeJob.Checkpointing(record.checkpoint(), CHECKPOINT_EVERY, resumeAt));
        item.stateProperty().set(RenderItem.State.RUNNING);
        item.detailProperty().set(resume ? "Resuming at frame " + resumeAt : "Starting");
        FrameSink sink;
        FilmReader fullSize;
        try {
            fullSize = services.films().open(ctx.film().source());
            try {
                sink = services.frameSinks().open(record, ctx.film(), ctx.film().width(), ctx.film().height(),
                        resumeAt - record.firstFrame());
            } catch (IOException | RuntimeException e) {
                fullSize.close();
                throw e;
            }
        } catch (IOException | FilmException | RuntimeException e) {
            finish(item, new ColorizeOutcome.Failed("Cannot write " + record.output() + ": " + e.getMessage()), null, null);
            return;
        }
        long startNanos = System.nanoTime();
        int startDone = resumeAt - record.firstFrame();
        FrameSink out = sink;
        worker.submit(job, new ColorizeListener() {
            @Override
            public void frame(int index, RgbFrame source, RgbFrame colorized, double fps, MemoryStats memory) {
                try {
                    RgbFrame full = fullSize.frame(index, 0, 0);
                    out.write(started.lumaLock() ? LumaLock.combine(full, colorized) : LumaLock.scaleUp(colorized, full.width(), full.height()));
                } catch (IOException | FilmException e) {
                    throw new IllegalStateException("writing frame " + index + " failed: " + e.getMessage(), e);
                }
                int done = index + 1 - started.firstFrame();
                int total = started.endFrame() - started.firstFrame();
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                double rate = (done - startDone) / Math.max(1e-9, seconds);
                long eta = Math.round((total - done) / Math.max(1e-9, rate));
                ui.execute(() -> {
                    item.progressProperty().set((double) done / total);
                    item.detailProperty().set(String.format("%d / %d frames, %.1f frames/s, %s left", done, total, rate,
                            eta >= 3600 ? eta / 3600 + " h " + eta / 60 % 60 + " min" : eta / 60 + ":" + String.format("%02d", eta % 60)));
                });
            }

            @Override
            public void checkpointed(int nextFrame) {
                ui.execute(() -> {
                    item.recordProperty().set(item.recordProperty().get().withProgress(nextFrame - started.firstFrame(), started.checkpoint()));
                    changed.run();
                });
            }

            @Override
            public void finished(ColorizeOutcome outcome) {
                ui.execute(() -> finish(item, outcome, out, fullSize));
            }
        });
    }

    private void finish(RenderItem item, ColorizeOutcome outcome, FrameSink sink, FilmReader reader) {
        ColorizeOutcome result = outcome;
        if (sink != null) {
            try {
                sink.close();
            } catch (IOException e) {
                result = new ColorizeOutcome.Failed("Closing " + item.recordProperty().get().output() + " failed: " + e.getMessage());
            }
        }
        if (reader != null) {
            reader.close();
        }
        if (result instanceof ColorizeOutcome.Completed) {
            RenderRecord r = item.recordProperty().get();
            item.recordProperty().set(r.withProgress(r.endFrame() - r.firstFrame(), r.checkpoint()));
            item.stateProperty().set(RenderItem.State.DONE);
            item.progressProperty().set(1);
            item.detailProperty().set("Done: " + r.output());
        } else if (result instanceof ColorizeOutcome.Cancelled) {
            item.stateProperty().set(RenderItem.State.CANCELLED);
            item.detailProperty().set("Cancelled");
        } else {
            item.stateProperty().set(RenderItem.State.FAILED);
            item.detailProperty().set(result.describe());
        }
        running = null;
        changed.run();
        startNext();
    }

    @Override
    public void close() {
        worker.close();
    }
}
