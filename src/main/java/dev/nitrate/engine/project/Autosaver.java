package dev.nitrate.engine.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saves a project a short while after it last changed, so that a crash loses at most a few seconds of work.
 *
 * <p>A project that was never saved goes to a recovery file; a saved one is saved in place, with the store's
 * atomic write and backup. Each {@link #changed()} restarts the delay.
 */
public final class Autosaver {

    /** The outcome of one autosave, reported to the listener. */
    public sealed interface Outcome permits Saved, Failed {}

    public record Saved(Path file) implements Outcome {}

    public record Failed(ProjectFileException error) implements Outcome {}

    private final ProjectStore store;
    private final Supplier<Project> project;
    private final Supplier<Path> projectFile;
    private final Path recoveryFile;
    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final Consumer<Outcome> listener;
    private ScheduledFuture<?> pending;

    /**
     * @param project supplies the current project (called on the scheduler thread; must be thread-safe)
     * @param projectFile supplies where the project is saved, or {@code null} while it has no file
     * @param recoveryFile where an unsaved project is autosaved
     */
    public Autosaver(ProjectStore store, Supplier<Project> project, Supplier<Path> projectFile, Path recoveryFile,
                     ScheduledExecutorService scheduler, Duration delay, Consumer<Outcome> listener) {
        this.store = Objects.requireNonNull(store);
        this.project = Objects.requireNonNull(project);
        this.projectFile = Objects.requireNonNull(projectFile);
        this.recoveryFile = Objects.requireNonNull(recoveryFile);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.delay = Objects.requireNonNull(delay);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Notes a change: the project is saved once no further change comes within the delay. */
    public synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::saveNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Saves at once (also used on exit). */
    public void saveNow() {
        Path file = projectFile.get();
        Path target = file == null ? recoveryFile : file;
        try {
            store.save(project.get(), target);
            listener.accept(new Saved(target));
        } catch (ProjectFileException e) {
            listener.accept(new Failed(e));
        }
    }
}
