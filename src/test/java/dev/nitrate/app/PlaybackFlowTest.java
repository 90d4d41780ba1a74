package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
}
