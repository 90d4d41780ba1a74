package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.timeline.LaneContent;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import java.nio.file.Path;
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

/**
 * A ColorMNet pack (the exporter's graphs at tiny widths, seeded random weights) in the editor: its readout's
 * confidence reaches the figures lane and the overlay, through the same path as the built-in pack's.
 */
@ExtendWith(ApplicationExtension.class)
class ColorMNetLanesFlowTest {

    private static final int FRAMES = 80;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        PackLocation tiny = new PackLocation.Folder(
                Path.of(ColorMNetLanesFlowTest.class.getResource("/parity/colormnet-tiny/pack/pack.json").toURI()).getParent());
        PackColorizerFactory packs = new PackColorizerFactory();
        editor = new EditorViewModel(EditorTestKit.services((pack, options, width, height) -> packs.openPack(tiny, options, width, height),
                work.resolve("appdata"), tasks), Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    @Test
    void theReadoutsConfidenceIsPlottedAndOverlaid(FxRobot robot) throws Exception {
        EditorTestKit.previewRedScene(editor, window, work, FRAMES, 3, 120);
        LaneContent lanes = fx(() -> editor.timeline().lanesProperty().get());
        for (FrameFigures f : lanes.figures().values()) {
            assertTrue(f.confidence().isPresent(), "a ColorMNet pack gives a confidence: " + f);
            double c = f.confidence().getAsDouble();
            assertTrue(c >= 0 && c <= 1, "the score is in [0, 1]: " + f);
        }
        assertFalse(lanes.suggestions().isEmpty(), "the scores give a suggestion away from the exemplar");

        waitUntil(() -> window.viewer().colorizedProperty().get() != null
                && window.viewer().colorizedProperty().get() == editor.preview().cached(3), 20);
        Image plain = fx(() -> window.viewer().colorizedProperty().get());
        EditorTestKit.typeCtrlShift(robot, KeyCode.C);
        waitUntil(() -> window.viewer().colorizedProperty().get() != plain, 20);
        assertNotSame(plain, fx(() -> window.viewer().colorizedProperty().get()), "the overlay marks the guessed colour");
    }
}
