package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.export.RenderItem;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Walks the editor's flows in a real window under headless Monocle, on real films and the engine's pipeline. */
@ExtendWith(ApplicationExtension.class)
class EditorFlowTest {

    private static final int FRAMES = 60;
    private static final int CUT = 30;

    @TempDir
    static Path media;

    private static Path film;
    private static Path exemplarRed;
    private static Path exemplarGreen;

    @TempDir
    Path work;

    private EditorViewModel editor;
    private MainWindow window;
    private SlowColorizerFactory colorizers;

    @BeforeAll
    static void makeMedia() throws Exception {
        film = TestMedia.writeVideo(media.resolve("two-shots.mp4"), "mp4", VideoCodec.H264, 160, 96, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i < CUT ? 0 : 3, i, 160, 96));
        exemplarRed = picture(media.resolve("red.png"), 0xc03020);
        exemplarGreen = picture(media.resolve("green.png"), 0x30a040);
    }

    private static Path picture(Path file, int rgb) throws Exception {
        return EditorTestKit.halfColourPicture(file, 80, 48, rgb);
    }

    private final TaskLanes tasks = new TaskLanes();

    @Start
    void start(Stage stage) {
        colorizers = new SlowColorizerFactory();
        Services services = EditorTestKit.services(colorizers, work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void closeEditor() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != null && w.isShowing() && w instanceof Stage s && s.getOwner() != null) {
                    s.close();
                }
            }
            editor.close();
            return null;
        });
        tasks.close();
    }

    private void openFilmAndWaitForShots() throws Exception {
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get() && editor.shownFrameProperty().get() != null, 30);
    }

    @Test
    void openFindsShotsShowsTheFirstFrameAndRemembersTheFile(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        assertEquals(FRAMES, fx(() -> editor.timeline().frameCountProperty().get()));
        assertEquals(2, fx(() -> editor.timeline().shotsProperty().get().count()), "the cut is found");
        assertEquals(CUT, fx(() -> editor.timeline().shotsProperty().get().start(1)));
        assertNotNull(fx(() -> window.viewer().sourceProperty().get()));
        assertTrue(fx(() -> window.viewer().captionProperty().get()).startsWith("Frame 0 / 59   00:00:00:00"));
        assertEquals(film.toAbsolutePath(), fx(() -> editor.recentFiles().get(0)));
        waitUntil(() -> editor.thumbnails().decodedCount() > 0, 20);
        assertTrue(fx(() -> robot.lookup("#transport-position").queryAs(javafx.scene.control.Label.class).getText()).endsWith("  ·  25 fps"));

        Path ntsc = TestMedia.writeVideo(work.resolve("ntsc.mp4"), "mp4", VideoCodec.H264, 64, 48, 6, new Rational(30000, 1001),
                i -> TestMedia.numberedGrayFrame(i, 64, 48));
        assertTrue(fx(() -> editor.openFilm(ntsc)));
        waitUntil(() -> robot.lookup("#transport-position").queryAs(javafx.scene.control.Label.class).getText().contains("64x48"), 20);
        String transport = fx(() -> robot.lookup("#transport-position").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(transport.endsWith("  ·  29.970 fps"), transport);

        Path sequence = TestMedia.imageSequence(work.resolve("sequence"), dev.nitrate.engine.video.ImageFormat.PNG, 12,
                i -> TestMedia.numberedGrayFrame(i, 64, 48));
        assertTrue(fx(() -> editor.openFilm(sequence)), "a folder of pictures opens as a film");
        assertEquals(12, fx(() -> editor.timeline().frameCountProperty().get()));
        waitUntil(() -> Integer.valueOf(0).equals(editor.shownFrameProperty().get()) && editor.sourceImageProperty().get() != null
                && editor.sourceImageProperty().get().getWidth() == 64, 20);
    }

    @Test
    void aFileThatIsNotAFilmGivesAClearMessageAndKeepsTheWork(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        Path bogus = Files.writeString(work.resolve("holiday.mp4"), "this is not a video");
        assertEquals(false, fx(() -> editor.openFilm(bogus)));
        String message = fx(() -> editor.lastErrorProperty().get());
        assertTrue(message.contains(bogus.toString()), message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), "no stack trace: " + message);
        DialogPane dialog = waitForNode(robot, "#error-dialog");
        assertTrue(dialog.getContentText().contains("holiday.mp4"));
        assertEquals(film.toAbsolutePath(), fx(() -> editor.filmProperty().get().source().toAbsolutePath()), "the open film stays");
    }

    @Test
    void scrubbingWithTheMouseShowsTheFrameUnderThePlayheadAndKeysMoveIt(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        javafx.scene.Node timeline = robot.lookup("#timeline").query();
        javafx.geometry.Bounds b = fx(() -> timeline.localToScreen(timeline.getBoundsInLocal()));
        double ppf = fx(() -> editor.timeline().pixelsPerFrameProperty().get());
        robot.moveTo(b.getMinX() + 2, b.getMinY() + 50).press(javafx.scene.input.MouseButton.PRIMARY);
        for (int f = 2; f <= 45; f += 3) {
            robot.moveTo(b.getMinX() + f * ppf + ppf / 2, b.getMinY() + 50);
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        int target = fx(() -> editor.timeline().currentFrameProperty().get());
        assertTrue(target >= 40 && target <= 46, "playhead follows the mouse, at " + target);
        waitUntil(() -> Integer.valueOf(target).equals(editor.shownFrameProperty().get()), 10);
        long latencyMillis = fx(() -> editor.lastScrubLatencyNanosProperty().get()) / 1_000_000;
        System.out.println("scrub latency after the mouse stopped (160x96 test film): " + latencyMillis + " ms");
        assertTrue(latencyMillis < 2000, "frame shown " + latencyMillis + " ms after the last request");

        robot.type(KeyCode.HOME);
        assertEquals(0, fx(() -> editor.timeline().currentFrameProperty().get()));
        robot.type(KeyCode.RIGHT);
        assertEquals(1, fx(() -> editor.timeline().currentFrameProperty().get()));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertEquals(CUT, fx(() -> editor.timeline().currentFrameProperty().get()));
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        assertEquals(0, fx(() -> editor.timeline().currentFrameProperty().get()));
        robot.type(KeyCode.END);
        assertEquals(FRAMES - 1, fx(() -> editor.timeline().currentFrameProperty().get()));
        robot.type(KeyCode.J);
        assertEquals(-1.0, fx(() -> editor.timeline().playbackRateProperty().get()));
        waitUntil(() -> editor.timeline().currentFrameProperty().get() < FRAMES - 3, 10);
        robot.type(KeyCode.K);
        assertEquals(false, fx(() -> editor.timeline().playingProperty().get()));
        robot.type(KeyCode.HOME).type(KeyCode.SPACE);
        assertEquals(true, fx(() -> editor.timeline().playingProperty().get()));
        robot.type(KeyCode.SPACE);
        assertEquals(false, fx(() -> editor.timeline().playingProperty().get()));
        double before = fx(() -> editor.timeline().pixelsPerFrameProperty().get());
        robot.clickOn("#timeline-zoom-in");
        assertEquals(before * 1.5, fx(() -> editor.timeline().pixelsPerFrameProperty().get()), 1e-6);
        robot.clickOn("#timeline-zoom-out");
        assertEquals(before, fx(() -> editor.timeline().pixelsPerFrameProperty().get()), 1e-6);
    }

    @Test
    void exemplarsAreAddedPinnedFittedRemovedAndUndone(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            editor.timeline().seek(35);
            window.exemplars().addAll(List.of(exemplarRed, work.resolve("missing.png")));
            return null;
        });
        assertTrue(fx(() -> editor.lastErrorProperty().get()).contains("missing.png"));
        assertEquals(1, fx(() -> editor.exemplars().exemplars().size()), "the good file is added, the bad one reported");
        assertEquals(List.of(35), fx(() -> List.copyOf(editor.timeline().exemplarFrames())), "marker on the timeline");
        closeDialogs();

        robot.clickOn(filledExemplarCell(robot));
        fx(() -> {
            editor.timeline().seek(12);
            return null;
        });
        robot.clickOn("#exemplar-pin-frame");
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()), "pinning adds a pin and keeps the other");
        ProjectExemplar pinned = fx(() -> editor.exemplars().exemplars().get(0));
        assertEquals(12, pinned.frame());
        assertEquals(PinScope.FRAME, pinned.scope());
        assertEquals(35, fx(() -> editor.exemplars().exemplars().get(1).frame()));

        ComboBox<ExemplarFit> fit = robot.lookup(".fit-choice").query();
        fx(() -> {
            fit.setValue(ExemplarFit.PAD);
            fit.getOnAction().handle(null);
            return null;
        });
        assertEquals(ExemplarFit.PAD, fx(() -> editor.exemplars().exemplars().get(0).fit()));

        robot.clickOn(filledExemplarCell(robot));
        robot.clickOn("#exemplar-remove");
        assertEquals(1, fx(() -> editor.exemplars().exemplars().size()));
        robot.clickOn("#exemplar-undo");
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()));
        robot.clickOn("#exemplar-undo");
        assertEquals(ExemplarFit.CROP, fx(() -> editor.exemplars().exemplars().get(0).fit()));
        robot.clickOn("#exemplar-redo");
        assertEquals(ExemplarFit.PAD, fx(() -> editor.exemplars().exemplars().get(0).fit()));
    }

    @Test
    void previewColorizesTheShotInTheBackgroundAndCanBeCancelled(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            window.exemplars().addAll(List.of(exemplarRed));
            editor.timeline().seek(5);
            return null;
        });
        robot.clickOn("#preview-shot");
        waitUntil(() -> !editor.preview().runningProperty().get(), 60);
        assertTrue(fx(() -> editor.preview().statusProperty().get()).startsWith("Preview done: 30 frames"),
                fx(() -> editor.preview().statusProperty().get()));
        assertEquals(CUT, fx(() -> editor.preview().cachedCount()), "every frame of shot 1 is cached");
        waitUntil(() -> window.viewer().colorizedProperty().get() != null, 10);
        javafx.scene.image.Image colorized = fx(() -> window.viewer().colorizedProperty().get());
        javafx.scene.paint.Color pixel = colorized.getPixelReader().getColor(40, 40);
        assertTrue(pixel.getRed() > pixel.getGreen() + 0.02, "the red exemplar tints the frame: " + pixel);
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> Integer.valueOf(6).equals(editor.shownFrameProperty().get()), 10);
        assertNotNull(fx(() -> window.viewer().colorizedProperty().get()), "cached frames show while scrubbing");

        fx(() -> {
            window.viewer().dragDividerTo(0);
            return null;
        });
        assertEquals(0.0, fx(() -> window.viewer().wipeProperty().get()), 1e-9);

        colorizers.millisPerFrame = 150;
        fx(() -> {
            editor.timeline().seek(45);
            return null;
        });
        robot.clickOn("#preview-around");
        waitUntil(() -> editor.preview().progressProperty().get() > 0, 20);
        robot.clickOn("#preview-cancel");
        waitUntil(() -> !editor.preview().runningProperty().get(), 20);
        assertTrue(fx(() -> editor.preview().statusProperty().get()).startsWith("Preview cancelled"),
                fx(() -> editor.preview().statusProperty().get()));
        assertTrue(fx(() -> editor.preview().cachedCount()) < CUT + 30, "the cancelled run stopped early");
    }

    @Test
    void compareColorizesTheShotTwiceAndShowsFiguresUnderEachSide(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            window.exemplars().addAll(List.of(exemplarRed, exemplarGreen));
            editor.timeline().seek(40);
            return null;
        });
        robot.clickOn("#tool-compare");
        waitForNode(robot, "#compare-run");
        assertEquals(CUT, fx(() -> window.compareWindow().model().firstProperty().get()));
        robot.clickOn("#compare-run");
        waitUntil(() -> !window.compareWindow().model().runningProperty().get()
                && window.compareWindow().model().right().measuredProperty().get() != null, 60);
        Label left = robot.lookup("#compare-figures-A").query();
        Label right = robot.lookup("#compare-figures-B").query();
        assertTrue(fx(left::getText).startsWith("Colourfulness"), fx(left::getText));
        assertTrue(fx(right::getText).contains("CDC"), fx(right::getText));
        assertTrue(fx(() -> window.compareWindow().model().left().measuredProperty().get().colourfulness()) > 1);
        int start = fx(() -> window.compareWindow().model().frameProperty().get());
        robot.clickOn("#compare-play");
        waitUntil(() -> window.compareWindow().model().frameProperty().get() != start, 10);
        robot.clickOn("#compare-play");
        int frame = fx(() -> window.compareWindow().model().frameProperty().get());
        assertNotNull(fx(() -> window.compareWindow().model().left().frame(frame)), "side A plays this frame");
        assertNotNull(fx(() -> window.compareWindow().model().right().frame(frame)), "side B plays the same frame");
        colorizers.millisPerFrame = 200;
        robot.clickOn("#compare-run");
        waitUntil(() -> window.compareWindow().model().runningProperty().get(), 10);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !window.compareWindow().model().runningProperty().get(), 20);
        assertTrue(fx(() -> window.compareWindow().stage().isShowing()), "Esc cancels a running comparison first");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !window.compareWindow().stage().isShowing(), 10);
    }

    @Test
    void aSecondRenderToTheOutputOfARunningOneIsRefused() throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            window.exemplars().addAll(List.of(exemplarRed));
            return null;
        });
        colorizers.millisPerFrame = 200;
        Path output = work.resolve("same.mp4");
        dev.nitrate.app.export.ExportDialog.Request request = new dev.nitrate.app.export.ExportDialog.Request(output,
                dev.nitrate.app.project.ExportFormat.values()[0], 80, 0, FRAMES, false, false, false);
        RenderItem first = fx(() -> editor.export(request));
        assertNotNull(first);
        waitUntil(() -> first.stateProperty().get() == RenderItem.State.RUNNING, 20);
        assertNull(fx(() -> editor.export(request)), "the second render to the same file is refused");
        assertTrue(fx(() -> editor.lastErrorProperty().get()).contains("already the output of a render in the queue"));
        assertEquals(1, fx(() -> editor.renders().items().size()));
        fx(() -> {
            editor.renders().cancel(first);
            return null;
        });
        closeDialogs();
    }

    @Test
    void exportRendersThroughTheQueueAndAnInterruptedRenderResumesAfterReopening(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            window.exemplars().addAll(List.of(exemplarRed));
            return null;
        });
        Path frames = work.resolve("out_frames");
        Path project = work.resolve("job.nitrate");
        assertTrue(fx(() -> editor.saveProject(project)));
        colorizers.millisPerFrame = 150;
        robot.clickOn("#tool-export");
        TextField file = waitForNode(robot, "#export-file");
        ComboBox<dev.nitrate.app.project.ExportFormat> format = robot.lookup("#export-format").query();
        fx(() -> {
            format.setValue(dev.nitrate.app.project.ExportFormat.PNG_SEQUENCE);
            file.setText(frames.toString());
            return null;
        });
        robot.clickOn("#export-ok");
        waitUntil(() -> editor.renders().items().size() == 1 && editor.renders().items().get(0).progressProperty().get() > 0.55, 60);
        assertTrue(fx(() -> editor.saveProject(project)));
        byte[] savedDuringRender = Files.readAllBytes(project);
        RenderItem item = fx(() -> editor.renders().items().get(0));
        Button cancel = robot.lookup(".render-cancel").match(n -> n.isVisible() && !n.isDisabled()).query();
        robot.clickOn(cancel);
        try {
            waitUntil(() -> item.stateProperty().get() == RenderItem.State.CANCELLED, 30);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("render not cancelled: " + fx(() -> item.stateProperty().get() + " " + item.detailProperty().get()), e);
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new ProjectStore().open(project).renders().isEmpty());
        Files.write(project, savedDuringRender);

        colorizers.millisPerFrame = 0;
        assertTrue(fx(() -> editor.openProject(project)), "reopening the project with the unfinished render");
        try {
            waitUntil(() -> editor.renders().items().get(0).stateProperty().get() == RenderItem.State.DONE, 60);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("render did not finish: " + fx(() -> editor.renders().items().get(0).stateProperty().get()
                    + " " + editor.renders().items().get(0).detailProperty().get()), e);
        }
        String detail = fx(() -> editor.renders().items().get(0).detailProperty().get());
        assertTrue(detail.contains("resumed at frame"), detail);
        try (Stream<Path> files = Files.list(frames)) {
            assertEquals(FRAMES, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        dev.nitrate.engine.provenance.ProvenanceRecord record = dev.nitrate.engine.provenance.ProvenanceJson.read(work.resolve("out_frames.nitrate.json"));
        assertEquals("editor-project", record.origin().kind());
        assertEquals("job.nitrate", record.origin().project());
        assertEquals(FRAMES, record.outputFrames().count());

        robot.clickOn("#tool-export");
        TextField again = waitForNode(robot, "#export-file");
        fx(() -> {
            again.setText(work.resolve("no/such/folder/film.mp4").toString());
            return null;
        });
        robot.clickOn("#export-ok");
        Label error = robot.lookup("#export-error").query();
        assertTrue(fx(error::getText).contains("does not exist"), fx(error::getText));

        Path earlier = Files.writeString(work.resolve("earlier.mp4"), "an export the archivist kept");
        fx(() -> {
            again.setText(earlier.toString());
            return null;
        });
        robot.clickOn("#export-ok");
        assertTrue(fx(error::getText).contains("exists"), fx(error::getText));
        assertEquals(1, (int) fx(() -> editor.renders().items().size()), "nothing queued");
        assertEquals("an export the archivist kept", Files.readString(earlier));
        robot.clickOn("#export-overwrite");
        robot.clickOn("#export-ok");
        waitUntil(() -> editor.renders().items().size() == 2, 10);
        assertTrue(fx(() -> editor.renders().items().get(1).recordProperty().get().overwrite()), "the render may replace the file");
        waitUntil(() -> editor.renders().items().get(1).stateProperty().get() == RenderItem.State.DONE, 60);
        assertTrue(Files.size(earlier) > 1000, "replaced by the export");
    }

    @Test
    void projectsSaveAndReopenAndADamagedFileKeepsTheLastGoodCopy(FxRobot robot) throws Exception {
        openFilmAndWaitForShots();
        fx(() -> {
            editor.timeline().seek(33);
            window.exemplars().addAll(List.of(exemplarGreen));
            return null;
        });
        Path project = work.resolve("reel.nitrate");
        assertTrue(fx(() -> editor.saveProject(project)));
        fx(() -> {
            editor.timeline().seek(12);
            window.exemplars().addAll(List.of(exemplarRed));
            return null;
        });
        assertTrue(fx(() -> editor.saveProject(project)));
        assertEquals(false, fx(() -> editor.dirtyProperty().get()));
        assertTrue(fx(() -> editor.openFilm(film)), "another project in between");
        assertTrue(fx(() -> editor.openProject(project)));
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()));
        assertEquals(33, fx(() -> editor.exemplars().exemplars().get(1).frame()));
        assertTrue(fx(() -> editor.exemplars().exemplars().get(1).image()).startsWith(ProjectStore.exemplarFolder(project)));
        assertEquals(film.toAbsolutePath(), fx(() -> editor.filmProperty().get().source()));

        Files.writeString(project, "{ \"format\": \"nitrate-project\", \"film\": [");
        assertEquals(false, fx(() -> editor.openProject(project)));
        String message = fx(() -> editor.lastErrorProperty().get());
        assertTrue(message.contains("damaged") && message.contains(ProjectStore.backupOf(project).toString()), message);
        DialogPane dialog = waitForNode(robot, "#error-dialog");
        assertTrue(dialog.getContentText().contains("reel.nitrate"));
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()), "the open work is untouched");
        assertEquals(List.of(33), new ProjectStore().open(ProjectStore.backupOf(project)).exemplars().stream()
                .map(ProjectExemplar::frame).toList(), "the backup is the first saved version");
    }

    @Test
    void settingsShowTheDeviceFallbackAndRefuseAFolderThatIsNotAPack(FxRobot robot) throws Exception {
        robot.clickOn("#tool-settings");
        ComboBox<String> device = waitForNode(robot, "#settings-device");
        fx(() -> {
            device.setValue("cuda:0");
            return null;
        });
        Label fallback = robot.lookup("#settings-device-fallback").query();
        assertTrue(fx(fallback::getText).contains("running on the CPU"), fx(fallback::getText));
        robot.clickOn("#settings-pack-folder");
        TextField path = robot.lookup("#settings-pack-path").query();
        fx(() -> {
            path.setText(work.toString());
            return null;
        });
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && "OK".equals(b.getText())).<Button>query());
        Label error = robot.lookup("#settings-error").query();
        assertTrue(fx(error::getText).contains("pack.json"), fx(error::getText));
        robot.clickOn(robot.lookup("#settings-pack-builtin").<javafx.scene.Node>query());
        fx(() -> {
            ((ComboBox<Integer>) robot.lookup("#settings-preview-height").query()).setValue(144);
            return null;
        });
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && "OK".equals(b.getText())).<Button>query());
        assertEquals(144, fx(() -> editor.settingsProperty().get().previewHeight()));
        assertEquals("cuda:0", fx(() -> editor.settingsProperty().get().device().toString()));
        Label status = robot.lookup("#status-device").query();
        assertEquals("Device: CPU (fallback)", fx(status::getText));
        assertNull(fx(() -> editor.lastErrorProperty().get()));
    }

    private void closeDialogs() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.getOwner() != null) {
                    s.close();
                }
            }
            return null;
        });
    }

    private static <T extends javafx.scene.Node> T waitForNode(FxRobot robot, String query) throws Exception {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent(), 10);
        return robot.lookup(query).query();
    }

    /** The exemplar list's first cell that shows an exemplar, once the list has laid it out. */
    private static javafx.scene.Node filledExemplarCell(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".list-cell").match(EditorFlowTest::isFilledCell).tryQuery().isPresent(), 10);
        return robot.lookup(".list-cell").match(EditorFlowTest::isFilledCell).query();
    }

    private static boolean isFilledCell(javafx.scene.Node node) {
        return node instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() != null;
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
