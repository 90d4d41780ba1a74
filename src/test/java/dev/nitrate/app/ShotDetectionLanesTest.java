package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.adapters.EngineExemplarFitter;
import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.app.adapters.EngineRenderer;
import dev.nitrate.app.adapters.EngineShotFigures;
import dev.nitrate.app.adapters.EngineShotFinder;
import dev.nitrate.app.adapters.OrtDeviceProbe;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.timeline.ShotFinder;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Shot detection runs on its own lane: opening another film cancels the detection of the film left behind, and an
 * autosave never waits behind a detection still running. The first detection is held until it is cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class ShotDetectionLanesTest {

    private static final long HOLD_SECONDS = 20;

    @TempDir
    static Path media;

    private static Path filmA;
    private static Path filmB;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private final AtomicInteger detections = new AtomicInteger();
    private final CountDownLatch firstDetectionCancelled = new CountDownLatch(1);
    private EditorViewModel editor;

    @BeforeAll
    static void makeMedia() throws Exception {
        filmA = TestMedia.writeVideo(media.resolve("reel-a.mp4"), "mp4", VideoCodec.H264, 96, 64, 12, new Rational(25, 1),
                i -> TestMedia.numberedGrayFrame(i, 96, 64));
        filmB = TestMedia.writeVideo(Files.createDirectories(media.resolve("b")).resolve("reel-b.mp4"), "mp4", VideoCodec.H264,
                96, 64, 12, new Rational(25, 1), i -> TestMedia.numberedGrayFrame(i, 96, 64));
    }

    @Start
    void start(Stage stage) {
        ShotFinder engine = new EngineShotFinder();
        ShotFinder firstHeld = (reader, progress, cancelled) -> {
            if (detections.getAndIncrement() == 0) {
                holdUntil(cancelled);
            }
            return engine.detect(reader, progress, cancelled);
        };
        SlowColorizerFactory colorizers = new SlowColorizerFactory();
        Services services = new Services(new EngineFilmOpener(), firstHeld, new EngineExemplarFitter(), colorizers,
                new EngineShotFigures(), new EngineRenderer(colorizers), new OrtDeviceProbe(), new ProjectStore(),
                work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
    }

    private void holdUntil(BooleanSupplier cancelled) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
        while (!cancelled.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (cancelled.getAsBoolean()) {
            firstDetectionCancelled.countDown();
        }
    }

    @AfterEach
    void closeEditor() throws Exception {
        fx(() -> {
            editor.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void openingAnotherFilmCancelsTheShotDetectionOfTheFilmLeftBehind() throws Exception {
        assertTrue(fx(() -> editor.openFilm(filmA)));
        waitUntil(() -> detections.get() == 1, 10);
        assertTrue(fx(() -> editor.openFilm(filmB)));
        assertTrue(firstDetectionCancelled.await(5, TimeUnit.SECONDS), "the first film's detection was not cancelled");
        waitUntil(() -> !editor.detectingShotsProperty().get(), 10);
        assertEquals(filmB.toAbsolutePath(), fx(() -> editor.filmProperty().get().source()));
        assertEquals(2, detections.get(), "the second film's detection ran");
        assertEquals(12, fx(() -> editor.timeline().shotsProperty().get().frameCount()));
    }

    @Test
    void anAutosaveDoesNotWaitBehindShotDetection() throws Exception {
        assertTrue(fx(() -> editor.openFilm(filmA)));
        waitUntil(() -> detections.get() == 1, 10);
        fx(() -> {
            editor.applySettings(new ProjectSettings(ProjectSettings.DEFAULTS.pack(), ProjectSettings.DEFAULTS.device(),
                    180, ProjectSettings.DEFAULTS.memoryOverrides()));
            return null;
        });
        waitUntil(() -> editor.noticeProperty().get().startsWith("Autosaved to"), 10);
        assertTrue(fx(() -> editor.detectingShotsProperty().get()), "the detection is still held");
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
