package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Open Recent shows each file's name as it is, underscores included. */
@ExtendWith(ApplicationExtension.class)
class RecentFilesFlowTest {

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;

    @Start
    void start(Stage stage) {
        Services services = EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        new MainWindow(editor, stage).show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.hidePopups();
        fx(() -> {
            editor.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void openRecentKeepsUnderscoresInNames(FxRobot robot) throws Exception {
        Path film = TestMedia.numberedFilm(work.resolve("reel_2_take_10.mp4"), 64, 48, 4, new Rational(25, 1));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.recentFiles().isEmpty(), 10);
        robot.clickOn("File");
        robot.clickOn("Open Recent");
        String shown = film.toAbsolutePath().toString();
        waitUntil(() -> shownTexts().contains(shown), 10);
    }

    private static List<String> shownTexts() {
        List<String> texts = new ArrayList<>();
        Window.getWindows().stream().filter(Window::isShowing).forEach(window -> collectTexts(window.getScene().getRoot(), texts));
        return texts;
    }

    private static void collectTexts(Parent parent, List<String> texts) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                texts.add(text.getText());
            } else if (child instanceof Parent inner) {
                collectTexts(inner, texts);
            }
        }
    }
}
