package dev.nitrate.app.timeline;

import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs only the newest of a stream of requests on a lane: each request supersedes the one before it, work starts a
 * short debounce after the last request, work in flight is told it is stale as soon as a newer request arrives, and
 * a result is applied only if no newer request came in meanwhile. Failures go to the lane's failure listener.
 *
 * @param <R> request
 * @param <T> result
 */
public final class LatestWinsScheduler<R, T> implements AutoCloseable {

    /** The work for one request; it may poll {@code stale} and give up early by returning {@code null}. */
    @FunctionalInterface
    public interface Work<R, T> {
        T run(R request, BooleanSupplier stale) throws Exception;
    }

    private final Lane lane;
    private final Duration debounce;
    private final Work<R, T> work;
    private final Executor applyExecutor;
    private final Consumer<T> apply;
    private final boolean applyOvertaken;
    private CancellationToken newest;
    private long submitted;
    private long applied;
    private volatile boolean closed;

    public LatestWinsScheduler(Lane lane, Duration debounce, Work<R, T> work, Executor applyExecutor, Consumer<T> apply) {
        this(lane, debounce, work, applyExecutor, apply, false);
    }

    /**
     * @param applyOvertaken also apply the result of work that a newer request overtook while it ran, as long as no
     *     result of a newer request has been applied (the results appear in request order: a drag shows frames on its
     *     way, and the newest request's result still comes last)
     */
    public LatestWinsScheduler(Lane lane, Duration debounce, Work<R, T> work, Executor applyExecutor, Consumer<T> apply,
                               boolean applyOvertaken) {
        this.applyOvertaken = applyOvertaken;
        this.lane = Objects.requireNonNull(lane);
        this.debounce = Objects.requireNonNull(debounce);
        this.work = Objects.requireNonNull(work);
        this.applyExecutor = Objects.requireNonNull(applyExecutor);
        this.apply = Objects.requireNonNull(apply);
    }

    /** Asks for a request; any older request not yet applied is dropped. */
    public synchronized void submit(R request) {
        Objects.requireNonNull(request);
        long sequence = ++submitted;
        newest = lane.latest(this, debounce, token -> {
            T result = work.run(request, token::isCancelled);
            if (result != null && (applyOvertaken || !token.isCancelled())) {
                applyExecutor.execute(() -> {
                    if (!closed && sequence > applied && (applyOvertaken || !token.isCancelled())) {
                        applied = sequence;
                        apply.accept(result);
                    }
                });
            }
        });
    }

    /** Drops the newest request, and with it any result still to come. */
    @Override
    public synchronized void close() {
        closed = true;
        if (newest != null) {
            newest.cancel();
        }
    }
}
