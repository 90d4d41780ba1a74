package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.export.RenderItem;
import dev.nitrate.app.project.ExportFormat;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/** A stopped render that left its work folder can be resumed or discarded; a finished one opens its output or folder. */
@ExtendWith(ApplicationExtension.class)
class RenderQueueFlowTest {

    private static final int FRAMES = 60;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private final SlowColorizerFactory colorizers = new SlowColorizerFactory();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(EditorTestKit.services(colorizers, work.resolve("appdata"), tasks), Platform::runLater);
        window = new MainWindow(editor, stage);
        window.renderQueue().useOpener(opened::add);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private RenderItem renderAndCancel(Path output, ExportFormat format) throws Exception {
        colorizers.millisPerFrame = 60;
        RenderItem item = fx(() -> editor.renders().enqueue(output, format, 80, 0, FRAMES, true, false));
        waitUntil(() -> item.recordProperty().get().framesDone() >= 32, 60);
        fx(() -> {
            editor.renders().cancel(item);
            return null;
        });
        waitUntil(() -> item.stateProperty().get() == RenderItem.State.CANCELLED, 30);
        return item;
    }

    /** The button shown on screen (a list also keeps cells for measuring that are never shown). */
    private Node visible(FxRobot robot, String id) {
        return robot.lookup(id).match(NodeQueryUtils.isVisible()).query();
    }

    @Test
    void aCancelledRenderResumesOrIsDiscardedAndAFinishedOneOpensItsOutputAndFolder(FxRobot robot) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("film.mp4"), "mp4", VideoCodec.H264, 160, 96, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(0, i, 160, 96));
        Path red = EditorTestKit.halfColourPicture(work.resolve("red.png"), 80, 48, 0xc03020);
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        fx(() -> {
            window.exemplars().addAll(List.of(red));
            return null;
        });

        Path frames = work.resolve("out_frames");
        RenderItem first = renderAndCancel(frames, ExportFormat.PNG_SEQUENCE);
        assertTrue(Files.isDirectory(work.resolve(".out_frames.nitrate-work")), "the cancelled render left its work");
        colorizers.millisPerFrame = 0;
        robot.clickOn(visible(robot, "#render-resume"));
        waitUntil(() -> first.stateProperty().get() == RenderItem.State.DONE, 60);
        String detail = fx(() -> first.detailProperty().get());
        assertTrue(detail.contains("resumed at frame"), detail);

        robot.clickOn(visible(robot, "#render-open-output"));
        robot.clickOn(visible(robot, "#render-open-folder"));
        assertEquals(List.of(frames.toAbsolutePath(), work.toAbsolutePath()), List.copyOf(opened));

        Path video = work.resolve("second.mp4");
        Path workFolder = work.resolve(".second.mp4.nitrate-work");
        RenderItem second = renderAndCancel(video, ExportFormat.MP4_H264);
        javafx.scene.control.ListView<RenderItem> list = robot.lookup("#render-list").query();
        fx(() -> {
            list.scrollTo(second);
            return null;
        });
        Thread.sleep(300);
        assertTrue(Files.isDirectory(workFolder), "the cancelled render left its work");
        robot.clickOn(visible(robot, "#render-discard"));
        Thread.sleep(500);
        assertEquals(null, fx(() -> editor.lastErrorProperty().get()));
        waitUntil(() -> !Files.exists(workFolder), 10);
        assertFalse(Files.exists(video));
        assertTrue(Files.isRegularFile(film) && Files.isDirectory(frames), "nothing else is touched");
        assertTrue(robot.lookup("#render-discard").match(NodeQueryUtils.isVisible()).tryQuery().isEmpty(), "nothing left to discard");
    }
}
