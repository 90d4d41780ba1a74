package dev.nitrate.app.project;

import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Saves a project a short while after it last changed, so that a crash loses at most a few seconds of work.
 *
 * <p>Each {@link #changed(Draft)} hands over the project together with the file it belongs in, so that what is
 * written and where always match, and restarts the delay. When the user leaves a project, {@link #discard()}
 * drops its pending draft and waits for a save in flight: after it returns, nothing more is written for that
 * project.
 */
public final class Autosaver {

    /**
     * A project as it is now and the file it is autosaved to: its own project file, or a recovery file while
     * it has none.
     */
    public record Draft(Project project, Path file) {
        public Draft {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(file, "file");
        }
    }

    /** The outcome of one autosave, reported to the listener. */
    public sealed interface Outcome permits Saved, Failed {
        Draft draft();
    }

    public record Saved(Draft draft) implements Outcome {}

    public record Failed(Draft draft, ProjectFileException error) implements Outcome {}

    private final ProjectStore store;
    private final Lane lane;
    private final Duration delay;
    private final Consumer<Outcome> listener;
    private final ReentrantLock writing = new ReentrantLock();
    private CancellationToken pending;
    private Draft latest;

    public Autosaver(ProjectStore store, Lane lane, Duration delay, Consumer<Outcome> listener) {
        this.store = Objects.requireNonNull(store);
        this.lane = Objects.requireNonNull(lane);
        this.delay = Objects.requireNonNull(delay);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Notes a change: the draft is saved once no further change comes within the delay. */
    public synchronized void changed(Draft draft) {
        latest = Objects.requireNonNull(draft);
        cancelPending();
        pending = lane.schedule(delay, token -> saveNow());
    }

    /** Saves the pending draft at once, if there is one (when leaving a saved project, and on exit). */
    public void saveNow() {
        writing.lock();
        try {
            Draft draft = take();
            if (draft == null) {
                return;
            }
            try {
                store.save(draft.project(), draft.file());
                listener.accept(new Saved(draft));
            } catch (ProjectFileException e) {
                listener.accept(new Failed(draft, e));
            }
        } finally {
            writing.unlock();
        }
    }

    /** Drops the pending draft and waits until a save in flight has finished. */
    public void discard() {
        take();
        writing.lock();
        writing.unlock();
    }

    private synchronized Draft take() {
        cancelPending();
        Draft draft = latest;
        latest = null;
        return draft;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
