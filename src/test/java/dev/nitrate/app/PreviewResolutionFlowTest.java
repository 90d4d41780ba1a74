package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.viewer.ViewerView;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The preview at the source view's size (full-resolution luma, chroma upsampled), not computed twice, 100%/fit zoom, Esc cancels. */
@ExtendWith(ApplicationExtension.class)
class PreviewResolutionFlowTest {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 288;
    private static final int FRAMES = 20;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private final SlowColorizerFactory colorizers = new SlowColorizerFactory();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(EditorTestKit.services(colorizers, work.resolve("appdata"), tasks), Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private void previewHeight(int height) throws Exception {
        fx(() -> {
            editor.applySettings(new ProjectSettings(PackLocation.BUILTIN, ComputeDevice.CPU, height, null));
            return null;
        });
    }

    @Test
    void thePreviewIsAsSharpAsTheSourceIsNotComputedTwiceZoomsTo100PercentAndEscCancelsIt(FxRobot robot) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("wide.mp4"), "mp4", VideoCodec.H264, WIDTH, HEIGHT, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(2, i, WIDTH, HEIGHT));
        Path red = EditorTestKit.halfColourPicture(work.resolve("red.png"), 96, 64, 0xc03020);
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        previewHeight(144);
        fx(() -> {
            window.exemplars().addAll(List.of(red));
            editor.timeline().seek(3);
            return null;
        });
        robot.clickOn("#preview-shot");
        waitUntil(() -> !editor.preview().runningProperty().get() && editor.preview().cachedCount() == FRAMES, 60);
        waitUntil(() -> window.viewer().colorizedProperty().get() != null
                && window.viewer().sourceProperty().get() != null && window.viewer().sourceProperty().get().getWidth() == WIDTH, 20);
        Image colour = fx(() -> window.viewer().colorizedProperty().get());
        Image source = fx(() -> window.viewer().sourceProperty().get());
        assertEquals(WIDTH, (int) colour.getWidth(), "the colour side at the source's width");
        assertEquals(HEIGHT, (int) colour.getHeight());
        double lumaDifference = meanLumaDifference(colour.getPixelReader(), source.getPixelReader());
        assertTrue(lumaDifference < 1.5, "the colour side has the source's full-resolution luma: mean difference " + lumaDifference);

        robot.clickOn("#preview-shot");
        Thread.sleep(300);
        assertFalse(fx(() -> editor.preview().runningProperty().get()), "a cached shot is not computed again");
        assertTrue(fx(() -> editor.preview().statusProperty().get()).contains("already done"), fx(() -> editor.preview().statusProperty().get()));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertEquals("100%", fx(() -> window.viewer().zoomReadout()));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertTrue(fx(() -> window.viewer().zoomReadout()).startsWith("Fit · "), fx(() -> window.viewer().zoomReadout()));
        Thread.sleep(300);
        double[] picture = fx(() -> window.viewer().pictureRect());
        double viewerHeight = fx(() -> window.viewer().getHeight());
        assertTrue(picture[1] + picture[3] <= viewerHeight - ViewerView.CAPTION_BAND + 0.5,
                "the fitted picture ends at " + (picture[1] + picture[3]) + ", above the caption band of a viewer " + viewerHeight + " high");

        colorizers.millisPerFrame = 200;
        previewHeight(240);
        robot.clickOn("#preview-shot");
        waitUntil(() -> editor.preview().progressProperty().get() > 0, 30);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !editor.preview().runningProperty().get(), 20);
        assertTrue(fx(() -> editor.preview().statusProperty().get()).startsWith("Preview cancelled"),
                fx(() -> editor.preview().statusProperty().get()));
    }

    private static double meanLumaDifference(PixelReader a, PixelReader b) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < HEIGHT; y += 3) {
            for (int x = 0; x < WIDTH; x += 3) {
                sum += Math.abs(luma(a.getArgb(x, y)) - luma(b.getArgb(x, y)));
                n++;
            }
        }
        return sum / n;
    }

    private static double luma(int argb) {
        return 0.299 * (argb >> 16 & 255) + 0.587 * (argb >> 8 & 255) + 0.114 * (argb & 255);
    }
}
