package dev.nitrate.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskLanesTest {

    private final TaskLanes lanes = new TaskLanes();

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    @Test
    void latestWinsDropsTasksSupersededBeforeTheyStart() throws Exception {
        Lane lane = lanes.lane("test");
        CountDownLatch blockerStarted = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        lane.submit(token -> {
            blockerStarted.countDown();
            releaseBlocker.await(5, TimeUnit.SECONDS);
        });
        assertTrue(blockerStarted.await(5, TimeUnit.SECONDS));
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch lastRan = new CountDownLatch(1);
        for (int i = 0; i < 10; i++) {
            int request = i;
            lane.latest("frame", Duration.ZERO, token -> {
                ran.add(request);
                lastRan.countDown();
            });
        }
        CancellationToken other = lane.latest("other-key", Duration.ZERO, token -> ran.add(100));
        releaseBlocker.countDown();
        assertTrue(lastRan.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(List.of(9, 100), ran, "only the newest per key runs");
        assertFalse(other.isCancelled(), "another key is not superseded");
    }

    @Test
    void aTokenCancelsARunningTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        CancellationToken token = lanes.lane("test").submit(t -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!t.isCancelled() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            if (t.isCancelled()) {
                sawCancel.countDown();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        token.cancel();
        assertTrue(sawCancel.await(2, TimeUnit.SECONDS), "the running task saw its token cancelled");
    }

    @Test
    void aFailureIsLoggedAndReportedOnTheListenersExecutor() throws Exception {
        Logger logger = Logger.getLogger(TaskLanes.class.getName());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            List<Runnable> uiQueue = new CopyOnWriteArrayList<>();
            List<TaskFailure> reported = new CopyOnWriteArrayList<>();
            CountDownLatch queued = new CountDownLatch(1);
            lanes.onFailure(r -> {
                uiQueue.add(r);
                queued.countDown();
            }, reported::add);
            IOException error = new IOException("disk gone");
            lanes.lane("shots").submit(token -> {
                throw error;
            });
            assertTrue(queued.await(5, TimeUnit.SECONDS));
            assertTrue(reported.isEmpty(), "the report waits for the listener's executor");
            uiQueue.forEach(Runnable::run);
            assertEquals(List.of(new TaskFailure("shots", error)), reported);
            assertEquals(1, logged.size());
            assertEquals(Level.WARNING, logged.get(0).getLevel());
            assertSame(error, logged.get(0).getThrown());
            assertTrue(logged.get(0).getMessage().contains("shots"), logged.get(0).getMessage());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aClosedSetOfLanesRunsNothingMore() throws Exception {
        Lane lane = lanes.lane("test");
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.schedule(Duration.ofMillis(200), token -> ran.add("late"));
        lanes.close();
        Thread.sleep(400);
        assertTrue(lane.submit(token -> ran.add("after")).isCancelled());
        Thread.sleep(100);
        assertTrue(ran.isEmpty(), "ran after close: " + ran);
    }
}
