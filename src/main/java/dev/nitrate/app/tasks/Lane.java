package dev.nitrate.app.tasks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A named lane of background work: a fixed number of daemon threads running its tasks in order of their start time. */
public final class Lane {

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private final TaskLanes owner;
    private final Map<Object, CancellationToken> newest = new HashMap<>();

    Lane(TaskLanes owner, String name, int threads, Runnable threadExit) {
        this.name = name;
        this.owner = owner;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = body -> {
            Thread thread = new Thread(() -> {
                try {
                    body.run();
                } finally {
                    threadExit.run();
                }
            }, "lane-" + name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ScheduledThreadPoolExecutor(threads, factory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public String name() {
        return name;
    }

    /** Queues a task; the returned token cancels it, before it starts or while it runs. */
    public CancellationToken submit(Task task) {
        return schedule(Duration.ZERO, task);
    }

    /** Runs a task after a delay, unless its token is cancelled first. */
    public CancellationToken schedule(Duration delay, Task task) {
        return schedule(delay, task, new CancellationToken());
    }

    /**
     * Latest wins: runs the task after {@code debounce} and cancels the task last given for the same key, whether it
     * is still waiting (it is dropped) or running (its token tells it so).
     */
    public CancellationToken latest(Object key, Duration debounce, Task task) {
        CancellationToken token = new CancellationToken();
        CancellationToken superseded;
        synchronized (newest) {
            superseded = newest.put(key, token);
        }
        if (superseded != null) {
            superseded.cancel();
        }
        return schedule(debounce, t -> {
            try {
                task.run(t);
            } finally {
                synchronized (newest) {
                    newest.remove(key, t);
                }
            }
        }, token);
    }

    private CancellationToken schedule(Duration delay, Task task, CancellationToken token) {
        if (executor.isShutdown()) {
            token.cancel();
            return token;
        }
        Future<?> future = executor.schedule(() -> run(task, token), delay.toNanos(), TimeUnit.NANOSECONDS);
        token.whenCancelled(() -> future.cancel(false));
        return token;
    }

    private void run(Task task, CancellationToken token) {
        if (token.isCancelled()) {
            return;
        }
        try {
            task.run(token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            owner.failed(this, e, !token.isCancelled());
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
