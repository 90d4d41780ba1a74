package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.timeline.LaneContent;
import dev.nitrate.app.timeline.TimelineRow;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** With a colorizer that gives no confidence the figures lane plots the other figures, suggests nothing, and the overlay says why it shows nothing. */
@ExtendWith(ApplicationExtension.class)
class LanesWithoutConfidenceFlowTest {

    private static final int FRAMES = 20;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks), Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    @Test
    void theFiguresLaneAndTheOverlayWorkWithoutAConfidence(FxRobot robot) throws Exception {
        EditorTestKit.previewRedScene(editor, window, work, FRAMES, 5, 60);
        LaneContent lanes = fx(() -> editor.timeline().lanesProperty().get());
        for (FrameFigures f : lanes.figures().values()) {
            assertTrue(f.confidence().isEmpty(), "this colorizer gives no confidence: " + f);
            assertTrue(f.colourfulness() > 5, "the red exemplar's colour shows: " + f);
        }
        assertEquals(List.of(), lanes.suggestions(), "no confidence, no suggestions");
        String tip = fx(() -> window.timeline().describe(window.timeline().frameToX(5) + 1, TimelineRow.FIGURES.top() + 20));
        assertTrue(tip.contains("confidence: this model pack gives none") && tip.contains("colourfulness"), tip);

        waitUntil(() -> window.viewer().colorizedProperty().get() != null, 10);
        Image plain = fx(() -> window.viewer().colorizedProperty().get());
        EditorTestKit.typeCtrlShift(robot, KeyCode.C);
        assertTrue(fx(() -> editor.confidenceOverlayProperty().get()));
        assertTrue(fx(() -> editor.noticeProperty().get()).contains("gives no confidence"), fx(() -> editor.noticeProperty().get()));
        Thread.sleep(300);
        assertSame(plain, fx(() -> window.viewer().colorizedProperty().get()), "nothing to hatch: the preview as it is");
    }
}
