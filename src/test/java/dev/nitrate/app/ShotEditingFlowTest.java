package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.exemplars.ExemplarsView;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Shots edited on the timeline (split, merge, delete a cut; undo, redo; saved in the project) and exemplar pins and removal. */
@ExtendWith(ApplicationExtension.class)
class ShotEditingFlowTest {

    private static final int FRAMES = 60;
    private static final int CUT = 30;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;
    private Path film;

    @Start
    void start(Stage stage) {
        Services services = EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private void openFilm() throws Exception {
        film = TestMedia.writeVideo(work.resolve("two_shots.mp4"), "mp4", VideoCodec.H264, 160, 96, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i < CUT ? 0 : 3, i, 160, 96));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get() && editor.timeline().shotsProperty().get().count() == 2, 30);
    }

    private List<Integer> starts() throws Exception {
        return fx(() -> editor.timeline().shotsProperty().get().startList());
    }

    private void rightClickTimelineAt(int frame) throws Exception {
        double x = fx(() -> window.timeline().frameToX(frame) + 0.5 * editor.timeline().pixelsPerFrameProperty().get());
        EditorTestKit.rightClick(window.timeline(), x, 100);
    }

    @Test
    void shotsAreSplitMergedAndCutFromTheTimelineUndoneAndSavedInTheProject(FxRobot robot) throws Exception {
        openFilm();
        assertEquals(List.of(0, CUT), starts());

        rightClickTimelineAt(10);
        robot.clickOn("Split Shot at Frame 10");
        assertEquals(List.of(0, 10, CUT), starts());
        assertEquals(10, fx(() -> editor.timeline().currentFrameProperty().get()), "the right-click moved the playhead");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(List.of(0, CUT), starts(), "undo takes the split back");
        EditorTestKit.typeCtrlShift(robot, KeyCode.Z);
        assertEquals(List.of(0, 10, CUT), starts(), "redo makes it again");

        double cutX = fx(() -> window.timeline().frameToX(CUT) + 2);
        EditorTestKit.rightClick(window.timeline(), cutX, 100);
        robot.clickOn("Delete Cut at Frame " + CUT);
        assertEquals(List.of(0, 10), starts());

        rightClickTimelineAt(5);
        robot.clickOn("Merge Shot 1 with Next");
        assertEquals(List.of(0), starts());

        fx(() -> {
            editor.timeline().seek(20);
            return null;
        });
        robot.clickOn("#timeline-canvas", MouseButton.PRIMARY);
        fx(() -> {
            editor.timeline().seek(20);
            return null;
        });
        robot.type(KeyCode.S);
        assertEquals(List.of(0, 20), starts(), "S splits at the playhead");

        Path project = work.resolve("edited.nitrate");
        assertTrue(fx(() -> editor.saveProject(project)));
        assertTrue(Files.readString(project).replaceAll("\\s", "").contains("\"shots\":[0,20]"), Files.readString(project));

        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get() && editor.timeline().shotsProperty().get().count() == 2, 30);
        assertEquals(List.of(0, CUT), starts(), "a film opened anew has its detected shots");
        assertTrue(fx(() -> editor.openProject(project)));
        Thread.sleep(1500);
        assertEquals(List.of(0, 20), starts(), "the project's edited shots, not the detected ones");
        assertEquals(false, fx(() -> editor.detectingShotsProperty().get()));
    }

    @Test
    void pinningAddsAPinTheDeleteKeyAndTheMenuRemoveAndLabelsHaveOneForm(FxRobot robot) throws Exception {
        openFilm();
        Path red = EditorTestKit.halfColourPicture(work.resolve("red.png"), 80, 48, 0xc03020);
        fx(() -> {
            editor.timeline().seek(35);
            window.exemplars().addAll(List.of(red));
            editor.timeline().seek(12);
            return null;
        });
        waitUntil(() -> robot.lookup(".exemplar-name").tryQuery().isPresent(), 10);
        robot.clickOn(robot.lookup(".exemplar-name").queryAs(Label.class));
        robot.clickOn("#exemplar-pin-frame");
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()), "a second pin; the first stays");
        assertEquals(List.of(12, 35), fx(() -> editor.exemplars().exemplars().stream().map(e -> e.frame()).toList()));
        Shots shots = fx(() -> editor.timeline().shotsProperty().get());
        assertEquals("Shot 1 · frame 12 · pinned to the frame", ExemplarsView.pinLabel(fx(() -> editor.exemplars().exemplars().get(0)), shots));
        assertEquals("Shot 2 · frame 35 · pinned to the shot", ExemplarsView.pinLabel(fx(() -> editor.exemplars().exemplars().get(1)), shots));
        waitUntil(() -> robot.lookup(".muted").queryAll().stream().anyMatch(
                n -> n instanceof Label l && l.getText().equals("Shot 2 · frame 35 · pinned to the shot")), 10);
        assertEquals(PinScope.FRAME, fx(() -> editor.exemplars().exemplars().get(0).scope()));

        robot.type(KeyCode.DELETE);
        assertEquals(List.of(35), fx(() -> editor.exemplars().exemplars().stream().map(e -> e.frame()).toList()),
                "Delete removes the selected pin");

        Label name = robot.lookup(".exemplar-name").queryAs(Label.class);
        robot.clickOn(name);
        EditorTestKit.rightClick(name, 4, 4);
        robot.clickOn("Remove");
        assertEquals(0, fx(() -> editor.exemplars().exemplars().size()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(1, fx(() -> editor.exemplars().exemplars().size()), "undo brings it back");
    }
}
