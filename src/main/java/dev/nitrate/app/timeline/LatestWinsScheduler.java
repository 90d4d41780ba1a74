package dev.nitrate.app.timeline;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs only the newest of a stream of requests: each request replaces the one waiting, the worker waits a short
 * debounce after the last request before it starts, work in flight is told it is stale as soon as a newer request
 * arrives, and a result is applied only if no newer request came in meanwhile.
 *
 * @param <R> request
 * @param <T> result
 */
public final class LatestWinsScheduler<R, T> implements AutoCloseable {

    /** The work for one request; it may poll {@code stale} and give up early by returning {@code null}. */
    @FunctionalInterface
    public interface Work<R, T> {
        T run(R request, BooleanSupplier stale) throws Exception;

        /** Called on each worker thread as it ends, to release what that thread opened. */
        default void workerFinished() {
        }
    }

    private final Work<R, T> work;
    private final Consumer<T> apply;
    private final Consumer<Exception> failure;
    private final Executor applyExecutor;
    private final long debounceNanos;
    private final AtomicLong generation = new AtomicLong();
    private final Thread[] workers;
    private R waiting;
    private long lastSubmitNanos;
    private boolean closed;

    public LatestWinsScheduler(String name, Duration debounce, Work<R, T> work, Executor applyExecutor,
                               Consumer<T> apply, Consumer<Exception> failure) {
        this(name, 1, debounce, work, applyExecutor, apply, failure);
    }

    /**
     * @param workerCount threads that take requests; with more than one, the newest request starts at once even
     *     while an older one is still being worked on
     */
    public LatestWinsScheduler(String name, int workerCount, Duration debounce, Work<R, T> work, Executor applyExecutor,
                               Consumer<T> apply, Consumer<Exception> failure) {
        this.work = Objects.requireNonNull(work);
        this.apply = Objects.requireNonNull(apply);
        this.failure = Objects.requireNonNull(failure);
        this.applyExecutor = Objects.requireNonNull(applyExecutor);
        this.debounceNanos = debounce.toNanos();
        this.workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Thread(this::runWorker, name + "-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Asks for a request; any older request not yet applied is dropped. */
    public synchronized void submit(R request) {
        waiting = Objects.requireNonNull(request);
        generation.incrementAndGet();
        lastSubmitNanos = System.nanoTime();
        notifyAll();
    }

    private void runWorker() {
        try {
            loop();
        } finally {
            work.workerFinished();
        }
    }

    private void loop() {
        while (true) {
            R request;
            long myGeneration;
            synchronized (this) {
                try {
                    while (!closed && (waiting == null || System.nanoTime() - lastSubmitNanos < debounceNanos)) {
                        if (waiting == null) {
                            wait();
                        } else {
                            long remaining = debounceNanos - (System.nanoTime() - lastSubmitNanos);
                            wait(Math.max(1, remaining / 1_000_000), (int) (Math.max(0, remaining) % 1_000_000));
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                request = waiting;
                waiting = null;
                myGeneration = generation.get();
            }
            BooleanSupplier stale = () -> generation.get() != myGeneration;
            try {
                T result = work.run(request, stale);
                if (result != null && !stale.getAsBoolean()) {
                    applyExecutor.execute(() -> {
                        if (!stale.getAsBoolean()) {
                            apply.accept(result);
                        }
                    });
                }
            } catch (Exception e) {
                if (!stale.getAsBoolean()) {
                    applyExecutor.execute(() -> failure.accept(e));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
