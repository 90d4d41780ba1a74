package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.viewer.ViewerView;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor's layout at 1.5x UI scale: a 1600x1000 screen at 1.5x gives the window 1066x666 layout pixels, which is
 * what these flows size it to (headless Monocle has no UI scale of its own). The tool bar keeps Compare, Export and
 * Settings in view, the caption stays in its band clear of the picture and the zoom read-out, and the thumbnail strip
 * is filled after a project is opened again.
 */
@ExtendWith(ApplicationExtension.class)
class ScaledLayoutFlowTest {

    private static final double WIDTH = 1600 / 1.5;
    private static final double HEIGHT = 1000 / 1.5;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Services services = EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private Path openFilm(int width, int height, int frames) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("scaled_film.mp4"), "mp4", VideoCodec.H264, width, height, frames, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i < frames / 2 ? 0 : 3, i, width, height));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get() && editor.sourceImageProperty().get() != null, 30);
        return film;
    }

    @Test
    void compareExportAndSettingsStayInTheToolBarWithALongPreviewStatus(FxRobot robot) throws Exception {
        openFilm(320, 240, 30);
        fx(() -> {
            editor.preview().statusProperty().set("Preview done: 150 frames, 7.3 frames/s at 240 pixels high, 37.6 frames/s over all");
            return null;
        });
        waitUntil(() -> stage.getScene().getWidth() <= WIDTH + 1, 10);
        robot.sleep(300);
        double sceneWidth = fx(() -> stage.getScene().getWidth());
        for (String id : new String[] {"#tool-compare", "#tool-export", "#tool-settings", "#preview-shot", "#preview-around"}) {
            java.util.Optional<Button> found = robot.lookup(id).tryQueryAs(Button.class);
            assertTrue(found.isPresent(), id + " is in the tool bar, not in an overflow menu");
            Button button = found.get();
            assertTrue(fx(() -> button.isVisible() && button.getParent().isVisible()), id + " is shown");
            Bounds bounds = fx(() -> button.localToScene(button.getLayoutBounds()));
            assertTrue(bounds.getMinX() >= 0 && bounds.getMaxX() <= sceneWidth + 0.5, id + " lies inside the window: " + bounds);
            double[] widths = fx(() -> new double[] {button.getWidth(), button.prefWidth(-1)});
            assertTrue(widths[0] >= widths[1] - 0.5, id + " is not squeezed: " + Arrays.toString(widths));
        }
        assertTrue(robot.lookup(".tool-bar-overflow-button").queryAll().stream().noneMatch(Node::isVisible), "no overflow menu");
        Bounds status = fx(() -> robot.lookup("#preview-status").query().localToScene(robot.lookup("#preview-status").query().getLayoutBounds()));
        Bounds compare = fx(() -> robot.lookup("#tool-compare").query().localToScene(robot.lookup("#tool-compare").query().getLayoutBounds()));
        assertTrue(status.getMaxX() <= compare.getMinX(), "the status gives way before Compare: " + status + " / " + compare);
    }

    @Test
    void theCaptionKeepsToItsBandClearOfThePictureAndTheZoomReadout() throws Exception {
        openFilm(320, 240, 30);
        for (double viewerWidth : new double[] {0.74, 0.45}) {
            fx(() -> {
                ((javafx.scene.control.SplitPane) window.viewer().getParent().getParent()).setDividerPositions(viewerWidth);
                editor.captionProperty().set("Frame 29 / 29   00:00:01:04   Shot 2   Playing: 24.6 frames/s shown, 1234 dropped");
                return null;
            });
            WaitForLayout.pulses(3);
            ViewerView viewer = window.viewer();
            double[] caption = fx(viewer::captionRect);
            double[] readout = fx(viewer::readoutRect);
            double[] picture = fx(viewer::pictureRect);
            double[] size = fx(() -> new double[] {viewer.getWidth(), viewer.getHeight()});
            String where = "viewer " + Arrays.toString(size) + ", caption " + Arrays.toString(caption) + ", read-out "
                    + Arrays.toString(readout) + ", picture " + Arrays.toString(picture);
            assertTrue(caption[2] > 100, "a caption is drawn: " + where);
            assertTrue(caption[0] >= 0 && caption[0] + caption[2] <= size[0], "inside the viewer: " + where);
            assertTrue(caption[1] >= size[1] - ViewerView.CAPTION_BAND && caption[1] + caption[3] <= size[1], "inside its band: " + where);
            assertFalse(intersect(caption, picture), "clear of the picture: " + where);
            assertFalse(intersect(caption, readout), "clear of the zoom read-out: " + where);
        }
    }

    @Test
    void theThumbnailStripIsFilledAfterAProjectIsOpenedAgain() throws Exception {
        Path film = openFilm(160, 96, 90);
        fx(() -> {
            editor.shotEditor().splitAt(20);
            return null;
        });
        Path project = work.resolve("scaled.nitrate");
        assertTrue(fx(() -> editor.saveProject(project)));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        assertTrue(fx(() -> editor.openProject(project)));
        waitForThumbnails();
        WritableImage drawn = fx(() -> window.timeline().snapshot(null, null));
        fx(() -> {
            window.timeline().requestLayout();
            return null;
        });
        WaitForLayout.pulses(3);
        WritableImage redrawn = fx(() -> window.timeline().snapshot(null, null));
        assertEquals(0, differingPixels(drawn, redrawn),
                "every thumbnail that arrived is on the strip without another redraw (the strip drawn anew looks the same)");
    }

    @Test
    void settingsWithAdvancedOpenKeepsItsLabelsWholeWhenItMustScroll(FxRobot robot) throws Exception {
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.COMMA).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".settings-dialog").tryQuery().isPresent(), 10);
        robot.clickOn("Advanced: memory parameters");
        javafx.scene.control.DialogPane pane = robot.lookup(".settings-dialog").queryAs(javafx.scene.control.DialogPane.class);
        fx(() -> {
            pane.getScene().getWindow().setHeight(HEIGHT - 200);
            return null;
        });
        WaitForLayout.pulses(5);
        assertTrue(fx(() -> pane.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar.isVisible()
                && ((javafx.scene.control.ScrollBar) bar).getOrientation() == javafx.geometry.Orientation.VERTICAL)),
                "the dialog is short enough to scroll, as on a 1.5x screen");
        List<String> cut = fx(() -> pane.lookupAll("*").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty() && l.isVisible()
                        && !l.isWrapText() && l.getWidth() < l.prefWidth(-1) - 0.5)
                .map(n -> ((javafx.scene.control.Labeled) n).getText() + " " + ((javafx.scene.control.Labeled) n).getWidth()).toList());
        assertEquals(List.of(), cut, "labels, choices and buttons shown whole");
    }

    /** Waits until no thumbnail has arrived for a second. */
    private void waitForThumbnails() throws Exception {
        waitUntil(() -> editor.thumbnails() != null && editor.thumbnails().decodedCount() > 0, 20);
        int last = -1;
        for (int i = 0; i < 60; i++) {
            int now = fx(() -> editor.thumbnails().decodedCount());
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1000);
        }
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        int width = (int) Math.min(a.getWidth(), b.getWidth());
        int height = (int) Math.min(a.getHeight(), b.getHeight());
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    private static boolean intersect(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** Lets the FX thread run a few pulses, so that requested layouts and redraws happen. */
    private static final class WaitForLayout {
        static void pulses(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                Thread.sleep(40);
                fx(() -> null);
            }
        }
    }
}
