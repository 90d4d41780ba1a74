package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.adapters.EngineExemplarFitter;
import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.app.adapters.EngineRenderer;
import dev.nitrate.app.adapters.EngineShotFigures;
import dev.nitrate.app.adapters.EngineShotFinder;
import dev.nitrate.app.adapters.OrtDeviceProbe;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the editor's TestFX flows share: the editor's services on the real engine adapters, and exemplar pictures. */
final class EditorTestKit {

    private EditorTestKit() {}

    /** The services the composition root makes, with the given colorizers and app-data folder. */
    static Services services(ColorizerFactory colorizers, Path appData, TaskLanes tasks) {
        return new Services(new EngineFilmOpener(), new EngineShotFinder(), new EngineExemplarFitter(), colorizers,
                new EngineShotFigures(), new EngineRenderer(colorizers), new OrtDeviceProbe(), new ProjectStore(), appData, tasks);
    }

    /** Types Ctrl+Shift+{@code key} as a user does (both modifiers held, then released in reverse order). */
    static void typeCtrlShift(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Waits until {@code condition}, read on the FX thread, holds. */
    static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    /**
     * What a right-click at {@code (x, y)} in {@code node} asks of it on a desktop: a context-menu request (headless
     * Monocle turns a secondary click into no such event, so the flows send it as the platform would).
     */
    static void rightClick(Node node, double x, double y) throws Exception {
        fx(() -> {
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y, screen.getX(), screen.getY(),
                    false, new PickResult(node, x, y)));
            return null;
        });
    }

    /**
     * Opens a generated 160x96 scene of {@code frames} frames, adds a half-red exemplar, previews the shot at
     * {@code frame} and waits until every frame of it has its figures in the timeline's lanes.
     */
    static void previewRedScene(EditorViewModel editor, MainWindow window, Path work, int frames, int frame, int seconds) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("scene.mp4"), "mp4", VideoCodec.H264, 160, 96, frames, new Rational(25, 1),
                i -> TestMedia.sceneFrame(1, i, 160, 96));
        Path red = halfColourPicture(work.resolve("red.png"), 96, 64, 0xc03020);
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        fx(() -> {
            window.exemplars().addAll(List.of(red));
            editor.timeline().seek(frame);
            editor.previewCurrentShot();
            return null;
        });
        waitUntil(() -> !editor.preview().runningProperty().get() && editor.timeline().lanesProperty().get().figures().size() == frames, seconds);
    }

    /** Hides the menus and other pop-ups still open, so that none outlives its window into the next test. */
    static void hidePopups() throws Exception {
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()).toList()
                    .forEach(javafx.stage.Window::hide);
            return null;
        });
    }

    /** Ends a flow test: hides pop-ups, closes the dialogs the editor's window owns, closes the editor, then its task lanes. */
    static void closeEditor(EditorViewModel editor, dev.nitrate.app.tasks.TaskLanes tasks) throws Exception {
        hidePopups();
        fx(() -> {
            for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof javafx.stage.Stage s && s.getOwner() != null && s.isShowing()) {
                    s.close();
                }
            }
            editor.close();
            return null;
        });
        tasks.close();
    }

    /** A PNG whose left half is {@code rgb} and right half mid-gray. */
    static Path halfColourPicture(Path file, int width, int height, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? rgb : 0x808080);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
