package dev.nitrate.engine.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed small pool that splits index ranges over the cores: the calling thread takes the last
 * part, the pool's threads the others. Owned by one colorizer and closed with it.
 */
public final class Workers implements AutoCloseable {

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private final int parts;
    private final ExecutorService pool;

    /** @param parts how many parts a range is split into (the pool has {@code parts - 1} threads) */
    public Workers(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        this.parts = parts;
        this.pool = parts == 1 ? null : Executors.newFixedThreadPool(parts - 1, task -> {
            Thread thread = new Thread(task, "nitrate-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One part per available core, at most {@code max}. */
    public static Workers forCores(int max) {
        return new Workers(Math.max(1, Math.min(max, Runtime.getRuntime().availableProcessors())));
    }

    public int parts() {
        return parts;
    }

    /** Runs {@code work} over {@code [0, n)} in up to {@link #parts} contiguous pieces and waits for all of them. */
    public void split(int n, Range work) {
        int pieces = Math.min(parts, Math.max(1, n));
        if (pieces == 1 || pool == null) {
            work.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(pieces - 1);
        for (int i = 0; i < pieces - 1; i++) {
            int from = (int) ((long) n * i / pieces);
            int to = (int) ((long) n * (i + 1) / pieces);
            futures.add(pool.submit(() -> work.run(from, to)));
        }
        work.run((int) ((long) n * (pieces - 1) / pieces), n);
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
