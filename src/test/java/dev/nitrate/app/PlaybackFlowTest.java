package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.image.Image;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Playback shows decoded pictures as it goes and says how it keeps up. */
@ExtendWith(ApplicationExtension.class)
class PlaybackFlowTest {

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks), Platform::runLater);
        new MainWindow(editor, stage).show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            editor.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void playingShowsPicturesAsItGoesAndStoppingShowsTheFrameUnderThePlayhead() throws Exception {
        Path film = TestMedia.numberedFilm(work.resolve("numbered.mp4"), 96, 64, 150, new Rational(25, 1));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> Integer.valueOf(0).equals(editor.shownFrameProperty().get()), 20);
        Set<Integer> shown = ConcurrentHashMap.newKeySet();
        fx(() -> {
            editor.shownFrameProperty().addListener((o, a, b) -> shown.add(b));
            editor.timeline().togglePlay();
            return null;
        });
        Thread.sleep(2000);
        String status = fx(() -> editor.playbackStatusProperty().get());
        assertTrue(status.startsWith("Playing: ") && status.contains("dropped"), status);
        assertTrue(fx(() -> editor.captionProperty().get()).contains("Playing: "), "the viewer says how playback keeps up");
        fx(() -> {
            editor.timeline().stop();
            return null;
        });
        assertTrue(shown.size() >= 10, "pictures shown while playing 2 s at 25 fps: " + shown.size());
        int stoppedAt = fx(() -> editor.timeline().currentFrameProperty().get());
        waitUntil(() -> Integer.valueOf(stoppedAt).equals(editor.shownFrameProperty().get()), 20);
        assertEquals("", fx(() -> editor.playbackStatusProperty().get()));
    }

    @Test
    void aJumpShowsTheExactFrameFromTheProxyAtOnceThenTheFilmsOwnPicture() throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("wide.mp4"), "mp4", VideoCodec.H264, 1200, 200, 120, new Rational(25, 1),
                i -> TestMedia.numberedGrayFrame(i, 1200, 200));
        assertTrue(fx(() -> editor.openFilm(film)));
        Path proxies = work.resolve("appdata/proxies");
        waitUntil(() -> listing(proxies).stream().anyMatch(n -> n.endsWith(".nut"))
                && listing(proxies).stream().noneMatch(n -> n.endsWith(".nitrate-work")), 60);
        waitUntil(() -> Integer.valueOf(0).equals(editor.shownFrameProperty().get()), 20);
        List<Image> pictures = new CopyOnWriteArrayList<>();
        fx(() -> {
            editor.sourceImageProperty().addListener((o, a, b) -> pictures.add(b));
            editor.timeline().seek(97);
            return null;
        });
        waitUntil(() -> Integer.valueOf(97).equals(editor.shownFrameProperty().get()) && editor.sourceImageProperty().get().getWidth() == 1200, 20);
        assertEquals(960, pictures.get(0).getWidth(), "the proxy's picture first");
        assertEquals(97, numberOn(pictures.get(0)), "the proxy's picture is frame 97, not its keyframe");
        assertEquals(97, numberOn(pictures.get(pictures.size() - 1)), "then the film's own frame 97");
    }

    /** The frame number that {@link TestMedia#numberedGrayFrame} writes as bright or dark 8x8 blocks along the top. */
    private static int numberOn(Image picture) {
        double scale = picture.getWidth() / 1200;
        int number = 0;
        for (int bit = 0; bit < 8; bit++) {
            int argb = picture.getPixelReader().getArgb((int) ((bit * 8 + 4) * scale), (int) (3 * scale));
            number |= ((argb & 255) > 128 ? 1 : 0) << bit;
        }
        return number;
    }

    private static List<String> listing(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
