package dev.nitrate.app.export;

import dev.nitrate.app.project.ExportFormat;
import dev.nitrate.app.project.RenderRecord;
import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The render queue: renders run one after the other on the render lane, report progress and time left, can
 * be cancelled, and stay in the project until finished so that an interrupted render resumes after a restart.
 */
public final class RenderQueueViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RenderQueueViewModel.class.getName());

    private final Renderer renderer;
    private final Executor ui;
    private final Runnable changed;
    private final Lane lane;
    private final ObservableList<RenderItem> items = FXCollections.observableArrayList();
    private Supplier<RenderContext> context;
    private RenderItem running;
    private Renderer.Run runningJob;
    private CancellationToken runningTask;

    public RenderQueueViewModel(Renderer renderer, Lane lane, Executor ui, Runnable changed) {
        this.renderer = renderer;
        this.lane = lane;
        this.ui = ui;
        this.changed = changed;
    }

    public void setContext(Supplier<RenderContext> context) {
        this.context = context;
    }

    /** Queues a render of the current film that never replaces an existing output. */
    public RenderItem enqueue(Path output, ExportFormat format, int quality, int first, int end, boolean lumaLock, boolean audio) {
        return enqueue(output, format, quality, first, end, lumaLock, audio, false);
    }

    /** Queues a render of the current film; {@code overwrite} lets it replace an existing file or a folder of frames Nitrate wrote. */
    public RenderItem enqueue(Path output, ExportFormat format, int quality, int first, int end, boolean lumaLock, boolean audio,
            boolean overwrite) {
        RenderItem item = new RenderItem(new RenderRecord(UUID.randomUUID().toString(), output.toAbsolutePath(), format,
                quality, first, end, lumaLock, audio && renderer.copiesAudio(), 0, null, overwrite));
        items.add(item);
        changed.run();
        startNext();
        return item;
    }

    /** Loads a project's renders; unfinished ones run again, which resumes them where they stopped. */
    public void load(List<RenderRecord> records) {
        if (runningJob != null) {
            runningJob.cancel();
        }
        items.clear();
        for (RenderRecord r : records) {
            RenderItem item = new RenderItem(r);
            if (r.finished()) {
                item.stateProperty().set(RenderItem.State.DONE);
                item.detailProperty().set("Done: " + r.output());
            } else {
                item.detailProperty().set("Interrupted" + (r.framesDone() > 0 ? " after " + r.framesDone() + " frames" : "")
                        + ": resuming");
            }
            items.add(item);
        }
        startNext();
    }

    public void cancel(RenderItem item) {
        if (item == running && runningJob != null) {
            runningJob.cancel();
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

    /** The renders the project keeps: queued, running and finished ones. */
    public List<RenderRecord> records() {
        return items.stream()
                .filter(i -> i.stateProperty().get() != RenderItem.State.CANCELLED && i.stateProperty().get() != RenderItem.State.FAILED)
                .map(i -> i.recordProperty().get()).toList();
    }

    /** Whether a stopped render left its work folder beside the output (Nitrate's, marked), so it can resume or be discarded. */
    public boolean canResume(RenderItem item) {
        RenderItem.State state = item.stateProperty().get();
        return (state == RenderItem.State.CANCELLED || state == RenderItem.State.FAILED || state == RenderItem.State.INTERRUPTED)
                && Files.isDirectory(workFolderOf(item.recordProperty().get()), LinkOption.NOFOLLOW_LINKS);
    }

    private static Path workFolderOf(RenderRecord record) {
        return record.output().resolveSibling("." + record.output().getFileName() + ".nitrate-work");
    }

    /** Queues a stopped render again; it resumes from the frames its work folder holds. */
    public void resume(RenderItem item) {
        item.stateProperty().set(RenderItem.State.QUEUED);
        item.detailProperty().set("Queued: resumes from its work folder");
        changed.run();
        startNext();
    }

    /**
     * Deletes a stopped render's work folder through the {@link OutputGuard}: only a folder Nitrate marked, and only the
     * files it wrote there. Returns the one-line reason when nothing could be removed.
     */
    public Optional<String> discard(RenderItem item) {
        RenderRecord record = item.recordProperty().get();
        try {
            OutputGuard guard = OutputGuard.claim(record.output(), record.format().imageSequence() ? OutputGuard.Shape.FOLDER : OutputGuard.Shape.FILE,
                    record.overwrite(), List.of());
            if (!guard.removeWorkFolder()) {
                return Optional.of(guard.workFolder() + " holds files Nitrate did not write; it was left as it is");
            }
        } catch (OutputRefusedException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of(record.output() + ": its work folder cannot be removed (" + e.getMessage() + ")");
        }
        item.detailProperty().set("Discarded: the stopped render's work is deleted");
        changed.run();
        return Optional.empty();
    }

    public ObservableList<RenderItem> items() {
        return items;
    }

    public boolean copiesAudio() {
        return renderer.copiesAudio();
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
            next.detailProperty().set("Waiting for the film to open");
            return;
        }
        running = next;
        RenderRecord record = next.recordProperty().get();
        next.stateProperty().set(RenderItem.State.RUNNING);
        next.detailProperty().set("Starting");
        long total = record.endFrame() - record.firstFrame();
        runningJob = renderer.prepare(record, ctx, new Renderer.Listener() {
            @Override
            public void progress(String phase, double fraction, long done, long phaseTotal, double fps, long eta) {
                ui.execute(() -> {
                    boolean colorizing = phase.equals("colorize");
                    next.progressProperty().set(colorizing ? fraction : fraction * 0.02);
                    String left = eta < 0 ? "" : eta >= 3600 ? String.format(", %d h %02d min left", eta / 3600, eta / 60 % 60)
                            : String.format(", %d:%02d left", eta / 60, eta % 60);
                    next.detailProperty().set(String.format("%s: %d / %d frames, %.1f frames/s%s",
                            phaseName(phase), done, phaseTotal, fps, left));
                    if (colorizing && done <= total && done > next.recordProperty().get().framesDone()) {
                        next.recordProperty().set(next.recordProperty().get().withProgress((int) Math.min(done, total - 1), null));
                    }
                });
            }

            @Override
            public void warning(String message) {
                ui.execute(() -> next.detailProperty().set(message));
            }
        });
        Renderer.Run job = runningJob;
        runningTask = lane.submit(token -> {
            RenderOutcome outcome;
            try {
                outcome = job.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Render of " + record.output() + " stopped", e);
                outcome = new RenderOutcome.Failed("The render stopped: " + e, Optional.of(e));
            }
            RenderOutcome result = outcome;
            ui.execute(() -> finish(next, result));
        });
    }

    private static String phaseName(String phase) {
        return switch (phase) {
            case "shots" -> "Finding shots";
            case "colorize" -> "Colorizing";
            case "assemble" -> "Writing the file";
            default -> phase;
        };
    }

    private void finish(RenderItem item, RenderOutcome outcome) {
        RenderRecord r = item.recordProperty().get();
        if (outcome instanceof RenderOutcome.Completed c) {
            item.recordProperty().set(r.withProgress(r.endFrame() - r.firstFrame(), null));
            item.stateProperty().set(RenderItem.State.DONE);
            item.progressProperty().set(1);
            item.detailProperty().set("Done: " + r.output() + (c.resumedAtFrame() > r.firstFrame()
                    ? " (resumed at frame " + c.resumedAtFrame() + ")" : ""));
        } else if (outcome instanceof RenderOutcome.Cancelled c) {
            item.stateProperty().set(RenderItem.State.CANCELLED);
            item.detailProperty().set("Cancelled after " + c.framesDone() + " frames");
        } else {
            item.stateProperty().set(RenderItem.State.FAILED);
            item.detailProperty().set(((RenderOutcome.Failed) outcome).message());
        }
        running = null;
        runningJob = null;
        runningTask = null;
        changed.run();
        startNext();
    }

    /** Stops the render in flight (its finished work is kept for a resume); a render not yet started never starts. */
    @Override
    public void close() {
        if (runningJob != null) {
            runningJob.cancel();
        }
        if (runningTask != null) {
            runningTask.cancel();
        }
    }
}
