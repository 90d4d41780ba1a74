package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Esc closes Settings and Export from any field, and Settings' "Advanced" keeps OK/Cancel inside the window. */
@ExtendWith(ApplicationExtension.class)
class DialogKeysFlowTest {

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
        EditorTestKit.closeEditor(editor, tasks);
    }

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(node -> node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing()).isPresent();
    }

    @Test
    void settingsKeepsItsButtonsInTheWindowWithAdvancedOpenAndEscClosesSettingsAndExport(FxRobot robot) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("film.mp4"), "mp4", VideoCodec.H264, 160, 96, 10, new Rational(25, 1),
                i -> TestMedia.sceneFrame(0, i, 160, 96));
        assertTrue(fx(() -> editor.openFilm(film)));

        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitUntil(() -> showing(robot, ".settings-dialog"), 10);
        robot.clickOn("Advanced: memory parameters");
        Thread.sleep(800);
        DialogPane pane = robot.lookup(".settings-dialog").queryAs(DialogPane.class);
        for (ButtonType type : List.of(ButtonType.OK, ButtonType.CANCEL)) {
            Node button = fx(() -> pane.lookupButton(type));
            Bounds inWindow = fx(() -> button.localToScene(button.getLayoutBounds()));
            double windowHeight = fx(() -> pane.getScene().getHeight());
            assertTrue(inWindow.getMaxY() <= windowHeight + 0.5 && ((Button) button).isVisible(),
                    type.getText() + " ends at " + inWindow.getMaxY() + " in a window " + windowHeight + " high");
        }
        robot.clickOn("#settings-memory-2");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !showing(robot, ".settings-dialog"), 10);

        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#export-file"), 10);
        robot.clickOn("#export-first");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !showing(robot, "#export-file"), 10);
    }
}
