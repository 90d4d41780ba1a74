package dev.nitrate.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.nitrate.app.tasks.TaskLanes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestWinsSchedulerTest {

    private final TaskLanes lanes = new TaskLanes();

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    @Test
    void aBurstOfRequestsAppliesOnlyTheNewestAndSkipsMostWork() throws Exception {
        List<Integer> applied = new CopyOnWriteArrayList<>();
        AtomicInteger worked = new AtomicInteger();
        CountDownLatch last = new CountDownLatch(1);
        try (LatestWinsScheduler<Integer, Integer> scheduler = new LatestWinsScheduler<>(lanes.lane("test"), Duration.ofMillis(5),
                (request, stale) -> {
                    worked.incrementAndGet();
                    Thread.sleep(20);
                    return request;
                }, Runnable::run, value -> {
                    applied.add(value);
                    if (value == 199) {
                        last.countDown();
                    }
                })) {
            for (int i = 0; i < 200; i++) {
                scheduler.submit(i);
                Thread.sleep(1);
            }
            assertTrue(last.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
        }
        assertEquals(199, applied.get(applied.size() - 1));
        assertTrue(worked.get() < 50, "older requests are dropped, work ran " + worked.get() + " times");
        for (int i = 1; i < applied.size(); i++) {
            assertTrue(applied.get(i) > applied.get(i - 1), "results apply in request order: " + applied);
        }
    }

    @Test
    void workInFlightSeesItIsStaleAndItsResultIsDropped() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sawStale = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (LatestWinsScheduler<String, String> scheduler = new LatestWinsScheduler<>(lanes.lane("test"), Duration.ZERO,
                (request, stale) -> {
                    if (request.equals("slow")) {
                        started.countDown();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        while (!stale.getAsBoolean() && System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                        sawStale.countDown();
                        return "slow";
                    }
                    return request;
                }, Runnable::run, value -> {
                    applied.add(value);
                    done.countDown();
                })) {
            scheduler.submit("slow");
            assertTrue(started.await(5, TimeUnit.SECONDS));
            scheduler.submit("fast");
            assertTrue(sawStale.await(5, TimeUnit.SECONDS));
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("fast"), applied);
    }

    @Test
    void withTwoWorkersTheNewestStartsWhileAnOlderOneIsStillRunning() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        CountDownLatch fastApplied = new CountDownLatch(1);
        try (LatestWinsScheduler<String, String> scheduler = new LatestWinsScheduler<>(lanes.lane("test", 2, () -> { }), Duration.ZERO,
                (request, stale) -> {
                    if (request.equals("slow")) {
                        slowStarted.countDown();
                        releaseSlow.await(5, TimeUnit.SECONDS);
                    }
                    return request;
                }, Runnable::run, value -> {
                    applied.add(value);
                    fastApplied.countDown();
                })) {
            scheduler.submit("slow");
            assertTrue(slowStarted.await(5, TimeUnit.SECONDS));
            scheduler.submit("fast");
            assertTrue(fastApplied.await(5, TimeUnit.SECONDS), "the newest did not wait for the one in flight");
            releaseSlow.countDown();
            Thread.sleep(100);
        }
        assertEquals(List.of("fast"), applied, "the overtaken result is dropped");
    }

    @Test
    void showingOvertakenResultsKeepsRequestOrderAndEndsWithTheNewest() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        CountDownLatch newestApplied = new CountDownLatch(1);
        try (LatestWinsScheduler<String, String> scheduler = new LatestWinsScheduler<>(lanes.lane("one"), Duration.ZERO,
                (request, stale) -> {
                    if (request.startsWith("slow")) {
                        slowStarted.countDown();
                        releaseSlow.await(5, TimeUnit.SECONDS);
                    }
                    return request;
                }, Runnable::run, value -> {
                    applied.add(value);
                    if (value.equals("newest")) {
                        newestApplied.countDown();
                    }
                }, true)) {
            scheduler.submit("slow-a");
            assertTrue(slowStarted.await(5, TimeUnit.SECONDS));
            scheduler.submit("newest");
            releaseSlow.countDown();
            assertTrue(newestApplied.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("slow-a", "newest"), applied, "a result overtaken only by requests is shown on the way");

        List<String> second = new CopyOnWriteArrayList<>();
        CountDownLatch oldStarted = new CountDownLatch(1);
        CountDownLatch releaseOld = new CountDownLatch(1);
        CountDownLatch fastApplied = new CountDownLatch(1);
        try (LatestWinsScheduler<String, String> scheduler = new LatestWinsScheduler<>(lanes.lane("test2", 2, () -> { }), Duration.ZERO,
                (request, stale) -> {
                    if (request.equals("old")) {
                        oldStarted.countDown();
                        releaseOld.await(5, TimeUnit.SECONDS);
                    }
                    return request;
                }, Runnable::run, value -> {
                    second.add(value);
                    fastApplied.countDown();
                }, true)) {
            scheduler.submit("old");
            assertTrue(oldStarted.await(5, TimeUnit.SECONDS));
            scheduler.submit("new");
            assertTrue(fastApplied.await(5, TimeUnit.SECONDS));
            releaseOld.countDown();
            Thread.sleep(100);
        }
        assertEquals(List.of("new"), second, "an older result never replaces a newer one already shown");
    }
}
