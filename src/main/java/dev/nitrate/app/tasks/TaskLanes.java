package dev.nitrate.app.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The editor's one model of background work: named lanes of daemon threads, created by the composition root and
 * closed with the app. A task that fails is logged, and, while still wanted, reported to the failure listener on
 * the listener's executor (the UI thread).
 */
public final class TaskLanes implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TaskLanes.class.getName());

    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private volatile Executor failureExecutor = Runnable::run;
    private volatile Consumer<TaskFailure> failureListener = failure -> { };
    private boolean closed;

    /** The lane with this name, with one thread; created on first use. */
    public Lane lane(String name) {
        return lane(name, 1, () -> { });
    }

    /**
     * The lane with this name; created on first use with {@code threads} threads, each of which runs
     * {@code threadExit} as it ends (to release what that thread opened).
     */
    public synchronized Lane lane(String name, int threads, Runnable threadExit) {
        if (closed) {
            throw new IllegalStateException("background tasks are shut down");
        }
        return lanes.computeIfAbsent(name, n -> new Lane(this, n, threads, Objects.requireNonNull(threadExit)));
    }

    /** Where failures of tasks that were still wanted go, run on {@code executor}. */
    public void onFailure(Executor executor, Consumer<TaskFailure> listener) {
        failureExecutor = Objects.requireNonNull(executor);
        failureListener = Objects.requireNonNull(listener);
    }

    void failed(Lane lane, Exception error, boolean wanted) {
        LOG.log(wanted ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                () -> "Background task on lane " + lane.name() + " failed" + (wanted ? "" : " after it was cancelled"), error);
        if (wanted) {
            TaskFailure failure = new TaskFailure(lane.name(), error);
            Consumer<TaskFailure> listener = failureListener;
            failureExecutor.execute(() -> listener.accept(failure));
        }
    }

    /** Stops every lane: waiting tasks are dropped, running ones interrupted. */
    @Override
    public synchronized void close() {
        closed = true;
        lanes.values().forEach(Lane::shutdown);
        lanes.clear();
    }
}
