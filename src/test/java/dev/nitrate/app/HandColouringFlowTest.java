package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A frame out for hand colouring (gray, full size, 16-bit where the film has it, Replace asked) and a coloured one back, pinned. */
@ExtendWith(ApplicationExtension.class)
class HandColouringFlowTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 96;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;

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

    private void choose(Path exportTarget, Path picture) throws Exception {
        fx(() -> {
            window.handColouring().useChooser(new HandColouringActions.PictureChooser() {
                @Override
                public Optional<Path> exportTarget(Path suggested) {
                    return Optional.of(exportTarget);
                }

                @Override
                public Optional<Path> colouredPicture(Path folder) {
                    return Optional.ofNullable(picture);
                }
            });
            return null;
        });
    }

    private void rightClickTimelineAt(int frame) throws Exception {
        double x = fx(() -> window.timeline().frameToX(frame) + 0.5 * editor.timeline().pixelsPerFrameProperty().get());
        EditorTestKit.rightClick(window.timeline(), x, 100);
    }

    @Test
    void aFrameGoesOutGrayAndReplacesAFileOnlyWhenAskedAndComesBackPinnedWithALumaWarningWhenItIsAnother(FxRobot robot) throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("street.mp4"), "mp4", VideoCodec.H264, WIDTH, HEIGHT, 12, new Rational(25, 1),
                i -> TestMedia.sceneFrame(1, i, WIDTH, HEIGHT));
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        Path out = work.resolve("for the artist.png");
        byte[] precious = "the artist's earlier work".getBytes();
        Files.write(out, precious);
        choose(out, null);

        rightClickTimelineAt(4);
        robot.clickOn("Export Frame 4 for Colouring…");
        waitUntil(() -> robot.lookup("#replace-dialog").tryQuery().isPresent(), 20);
        robot.clickOn("Cancel");
        Thread.sleep(500);
        assertArrayEquals(precious, Files.readAllBytes(out), "Cancel leaves the existing file as it was");

        rightClickTimelineAt(4);
        robot.clickOn("Export Frame 4 for Colouring…");
        waitUntil(() -> robot.lookup("#replace-dialog").tryQuery().isPresent(), 20);
        robot.clickOn("Replace");
        waitUntil(() -> editor.noticeProperty().get().startsWith("Frame 4 written"), 30);
        BufferedImage gray = ImageIO.read(out.toFile());
        assertEquals(WIDTH, gray.getWidth(), "full size");
        assertEquals(HEIGHT, gray.getHeight());
        int distinct = 0;
        for (int y = 0; y < HEIGHT; y += 7) {
            for (int x = 0; x < WIDTH; x += 7) {
                int rgb = gray.getRGB(x, y);
                assertEquals(rgb >> 16 & 255, rgb & 255, "gray at " + x + "," + y);
                assertEquals(rgb >> 8 & 255, rgb & 255, "gray at " + x + "," + y);
                distinct |= 1 << ((rgb & 255) >> 5);
            }
        }
        assertTrue(Integer.bitCount(distinct) >= 3, "the frame's picture, not a flat fill");
        assertFalse(Files.exists(work.resolve(".for the artist.png.nitrate-work")), "no work folder left behind");

        Path coloured = work.resolve("coloured.png");
        BufferedImage tinted = new BufferedImage(WIDTH / 2, HEIGHT / 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < tinted.getHeight(); y++) {
            for (int x = 0; x < tinted.getWidth(); x++) {
                int v = gray.getRGB(2 * x, 2 * y) & 255;
                tinted.setRGB(x, y, clamp(v + 20) << 16 | clamp(v - 5) << 8 | clamp(v - 25));
            }
        }
        ImageIO.write(tinted, "png", coloured.toFile());
        fx(() -> {
            editor.timeline().seek(0);
            editor.timeline().seek(4);
            return null;
        });
        choose(out, coloured);
        robot.clickOn("File");
        robot.clickOn("Import Coloured Frame…");
        waitUntil(() -> editor.exemplars().exemplars().size() == 1, 30);
        ProjectExemplar pinned = fx(() -> editor.exemplars().exemplars().get(0));
        assertEquals(4, pinned.frame());
        assertEquals(PinScope.FRAME, pinned.scope());
        assertEquals(coloured.toAbsolutePath(), pinned.image());
        Thread.sleep(300);
        assertEquals(null, fx(() -> editor.lastErrorProperty().get()), "a colouring of the frame gives no warning");

        Path other = EditorTestKit.halfColourPicture(work.resolve("another.png"), WIDTH, HEIGHT, 0xffffff);
        choose(out, other);
        robot.clickOn("File");
        robot.clickOn("Import Coloured Frame…");
        waitUntil(() -> editor.exemplars().exemplars().size() == 2, 30);
        String warning = fx(() -> editor.lastErrorProperty().get());
        assertTrue(warning != null && warning.contains("another.png") && warning.contains("mean absolute luma difference")
                && !warning.contains("\n"), String.valueOf(warning));
    }

    @Test
    void aDeepFilmsFrameGoesOutAs16BitPng(FxRobot robot) throws Exception {
        Path film = TestMedia.imageSequence(work.resolve("scan"), ImageFormat.TIFF, 3, i -> {
            short[] rgb = new short[WIDTH * HEIGHT * 3];
            for (int p = 0; p < WIDTH * HEIGHT; p++) {
                short v = (short) (p % WIDTH * 400 + i);
                rgb[3 * p] = v;
                rgb[3 * p + 1] = v;
                rgb[3 * p + 2] = v;
            }
            return new RgbPixels.Rgb16(WIDTH, HEIGHT, rgb);
        });
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 30);
        Path out = work.resolve("deep.png");
        choose(out, null);
        robot.clickOn("File");
        robot.clickOn("Export Frame for Colouring…");
        waitUntil(() -> editor.noticeProperty().get().startsWith("Frame 0 written"), 30);
        byte[] png = Files.readAllBytes(out);
        assertEquals(16, png[24], "PNG bit depth (IHDR)");
        assertEquals(WIDTH, (png[18] & 255) << 8 | png[19] & 255);
        assertTrue(Files.exists(film.resolve("frame_00000.tif")), "the film's frames are untouched");
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
