package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.compare.ComparePanes;
import dev.nitrate.app.compare.CompareViewModel;
import dev.nitrate.app.compare.CompareWindow;
import dev.nitrate.app.compare.FigureReading;
import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.viewer.ViewerView;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The compare window under headless Monocle on a real film and the engine's pipeline: pictures as soon as both sides
 * are ready, at the source's size; one zoom and pan for every picture; the wipe from A to B; the gray source view;
 * "Use this exemplar" as an undoable pin; figures explained and read truthfully.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFlowTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 192;
    private static final int FRAMES = 40;
    private static final int CUT = 20;

    @TempDir
    static Path media;

    private static Path film;
    private static Path red;
    private static Path green;
    private static Path gray;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private final SlowColorizerFactory colorizers = new SlowColorizerFactory();
    private EditorViewModel editor;
    private MainWindow window;

    @BeforeAll
    static void makeMedia() throws Exception {
        film = TestMedia.writeVideo(media.resolve("two-shots.mp4"), "mp4", VideoCodec.H264, WIDTH, HEIGHT, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i < CUT ? 0 : 3, i, WIDTH, HEIGHT));
        red = EditorTestKit.halfColourPicture(media.resolve("red.png"), 80, 48, 0xc03020);
        green = EditorTestKit.halfColourPicture(media.resolve("green.png"), 80, 48, 0x30a040);
        gray = EditorTestKit.halfColourPicture(media.resolve("gray.png"), 80, 48, 0x808080);
    }

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

    /** Opens the film with {@code a} pinned at frame 0 and {@code b} at frame 25, previews at 144 lines, seeks into shot 2. */
    private CompareWindow openCompare(FxRobot robot, Path a, Path b) throws Exception {
        assertTrue(fx(() -> editor.openFilm(film)));
        waitUntil(() -> !editor.detectingShotsProperty().get() && editor.shownFrameProperty().get() != null, 30);
        fx(() -> {
            editor.applySettings(new ProjectSettings(PackLocation.BUILTIN, ComputeDevice.CPU, 144, null));
            editor.exemplars().add(a, 0, PinScope.FRAME, ExemplarFit.CROP);
            editor.exemplars().add(b, 25, PinScope.FRAME, ExemplarFit.CROP);
            editor.timeline().seek(30);
            return null;
        });
        robot.clickOn("#tool-compare");
        waitUntil(() -> window.compareWindow() != null && window.compareWindow().stage().isShowing(), 10);
        return window.compareWindow();
    }

    private static void colorizeBoth(FxRobot robot, CompareWindow compare) throws Exception {
        robot.clickOn("#compare-run");
        waitUntil(() -> !compare.model().runningProperty().get() && compare.model().right().measuredProperty().get() != null, 60);
    }

    @Test
    void bothPanesShowPicturesAtTheSourcesSizeAsSoonAsBothSidesAreReadyWithoutPlay(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        assertEquals(CUT, fx(() -> compare.model().firstProperty().get()));
        colorizeBoth(robot, compare);
        ComparePanes panes = compare.panes();
        Image a = fx(() -> panes.viewA().sourceProperty().get());
        Image b = fx(() -> panes.viewB().sourceProperty().get());
        assertNotNull(a, "side A shows its first frame without Play");
        assertNotNull(b, "side B shows its first frame without Play");
        assertEquals(WIDTH, a.getWidth(), "colorized at 144 lines, shown at the source's 320x192");
        assertEquals(HEIGHT, b.getHeight());
        assertEquals(CUT, fx(() -> compare.model().frameProperty().get()), "still on the first frame: nothing played");
    }

    @Test
    void zoomingOrPanningOnePaneZoomsAndPansEveryPaneWithAReadout(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        colorizeBoth(robot, compare);
        ComparePanes panes = compare.panes();
        robot.clickOn("#compare-actual-size");
        assertEquals(1.0, fx(() -> panes.viewB().displayScale()), 1e-9, "100% on every pane");
        assertEquals("100%", fx(() -> robot.lookup("#compare-zoom").queryAs(Label.class).getText()));
        robot.clickOn("#compare-fit");
        assertTrue(fx(() -> robot.lookup("#compare-zoom").queryAs(Label.class).getText()).startsWith("Fit · "));

        double fitted = fx(() -> panes.viewA().displayScale());
        robot.moveTo(panes.viewA());
        robot.press(KeyCode.CONTROL).scroll(2, VerticalDirection.UP).release(KeyCode.CONTROL);
        waitUntil(() -> panes.viewA().zoomProperty().get() > 0, 5);
        assertNotEquals(fitted, fx(() -> panes.viewA().displayScale()), 1e-6, "Ctrl+scroll on A zooms it");
        assertEquals(fx(() -> panes.viewA().displayScale()), fx(() -> panes.viewB().displayScale()), 1e-9, "B follows A's zoom");
        for (int i = 0; i < 8; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        double zoomA = fx(() -> panes.viewA().displayScale());
        assertTrue(zoomA > 1.5, "Ctrl+= zoomed in: " + zoomA);
        assertEquals(zoomA, fx(() -> panes.viewB().displayScale()), 1e-9, "B follows A's zoom");
        assertTrue(fx(() -> panes.viewB().pannable()), "B's picture is now larger than its view");

        double before = fx(() -> panes.viewB().pictureRect()[0]);
        robot.drag(panes.viewA(), MouseButton.MIDDLE).moveBy(-120, 0).release(MouseButton.MIDDLE);
        waitUntil(() -> panes.viewB().pictureRect()[0] < before - 50, 5);
        assertEquals(fx(() -> panes.viewA().pictureRect()[0]), fx(() -> panes.viewB().pictureRect()[0]), 1e-6,
                "B shows the same part of the picture as A");

        robot.clickOn("#compare-mode-with-source");
        waitUntil(() -> panes.sourceView().getScene() != null && panes.sourceView().getWidth() > 0, 5);
        assertEquals(zoomA, fx(() -> panes.sourceView().displayScale()), 1e-9, "the source view shares the zoom too");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !compare.stage().isShowing(), 5);
    }

    @Test
    void theWipeShowsSideALeftOfTheDividerAndSideBRightOfIt(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        colorizeBoth(robot, compare);
        ComparePanes panes = compare.panes();
        robot.clickOn("#compare-mode-wipe");
        ViewerView wipe = panes.wipeView();
        waitUntil(() -> wipe.getScene() != null && wipe.getWidth() > 0 && wipe.colorizedProperty().get() != null, 5);
        assertTrue(fx(() -> panes.viewA().getScene()) == null, "the wipe replaces the two panes");
        int frame = fx(() -> compare.model().frameProperty().get());
        assertEquals(fx(() -> compare.model().left().frame(frame)), fx(() -> wipe.sourceProperty().get()));
        assertEquals(fx(() -> compare.model().right().frame(frame)), fx(() -> wipe.colorizedProperty().get()));

        double[] rect = fx(wipe::pictureRect);
        robot.drag(wipe).moveTo(wipe.localToScreen(rect[0] + rect[2] * 0.8, rect[1] + rect[3] / 2)).release(MouseButton.PRIMARY);
        waitUntil(() -> Math.abs(wipe.wipeProperty().get() - 0.8) < 0.05, 5);
        WritableImage shot = fx(() -> wipe.snapshot(null, null));
        double y = rect[1] + rect[3] * 0.75;
        int leftOfDivider = shot.getPixelReader().getArgb((int) (rect[0] + rect[2] * 0.3), (int) y);
        int rightOfDivider = shot.getPixelReader().getArgb((int) (rect[0] + rect[2] * 0.9), (int) y);
        assertTrue(redder(leftOfDivider), "left of the divider is side A (red exemplar): " + Integer.toHexString(leftOfDivider));
        assertTrue(!redder(rightOfDivider), "right of the divider is side B (green exemplar): " + Integer.toHexString(rightOfDivider));
    }

    private static boolean redder(int argb) {
        return ((argb >> 16) & 0xff) > ((argb >> 8) & 0xff);
    }

    @Test
    void theSourceViewShowsTheGrayFrameBesideBothSides(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        colorizeBoth(robot, compare);
        ComparePanes panes = compare.panes();
        robot.clickOn("#compare-mode-with-source");
        waitUntil(() -> panes.sourceView().getScene() != null && panes.viewA().getScene() != null && panes.viewB().getScene() != null, 5);
        Image source = fx(() -> panes.sourceView().sourceProperty().get());
        assertNotNull(source, "the gray source of the shown frame");
        assertEquals(WIDTH, source.getWidth());
        PixelReader pixels = source.getPixelReader();
        for (int x = 0; x < WIDTH; x += 37) {
            int argb = pixels.getArgb(x, HEIGHT / 2);
            assertEquals((argb >> 16) & 0xff, argb & 0xff, "gray at x=" + x);
            assertEquals((argb >> 8) & 0xff, argb & 0xff, "gray at x=" + x);
        }
        int colour = fx(() -> panes.viewA().sourceProperty().get().getPixelReader().getArgb(WIDTH / 4, HEIGHT / 2));
        assertNotEquals((colour >> 16) & 0xff, colour & 0xff, "side A beside it is coloured");
        robot.clickOn("#compare-mode-side-by-side");
        waitUntil(() -> panes.sourceView().getScene() == null, 5);
    }

    @Test
    void useThisExemplarPinsThatSidesExemplarForTheShotAndUndoRestoresThePins(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        List<ProjectExemplar> before = fx(() -> editor.exemplars().snapshot());
        assertEquals("green.png", fx(() -> compare.model().right().choiceProperty().get().exemplar().originalName()));
        robot.clickOn("#compare-use-A");
        List<ProjectExemplar> after = fx(() -> editor.exemplars().snapshot());
        List<ProjectExemplar> inShot = after.stream().filter(e -> e.frame() >= CUT && e.frame() < FRAMES).toList();
        assertEquals(1, inShot.size(), "one pin for shot 2: " + after);
        assertEquals("red.png", inShot.get(0).originalName());
        assertEquals(PinScope.SHOT, inShot.get(0).scope());
        assertEquals(CUT, inShot.get(0).frame());
        assertTrue(after.contains(before.get(0)), "the pin in shot 1 stays");
        assertTrue(fx(() -> compare.model().statusProperty().get()).contains("now uses red.png"));

        fx(() -> {
            editor.undo();
            return null;
        });
        assertEquals(before, fx(() -> editor.exemplars().snapshot()), "one undo restores the pins");
        fx(() -> {
            editor.redo();
            return null;
        });
        assertEquals(after, fx(() -> editor.exemplars().snapshot()));
    }

    @Test
    void theFiguresAreExplainedAndThePalerSidesLowerCdcIsNotCalledSteadier(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, gray);
        colorizeBoth(robot, compare);
        Label a = robot.lookup("#compare-figures-A").queryAs(Label.class);
        Label b = robot.lookup("#compare-figures-B").queryAs(Label.class);
        for (Label figures : List.of(a, b)) {
            assertNotNull(figures.getTooltip(), "the figures have a tooltip");
            String explained = figures.getTooltip().getText();
            assertTrue(explained.contains("Higher is more colourful"), explained);
            assertTrue(explained.contains("Lower is steadier"), explained);
        }
        CompareViewModel model = compare.model();
        ShotFigures.Figures redFigures = fx(() -> model.left().measuredProperty().get());
        ShotFigures.Figures grayFigures = fx(() -> model.right().measuredProperty().get());
        FigureReading redReading = fx(() -> model.left().readingProperty().get());
        FigureReading grayReading = fx(() -> model.right().readingProperty().get());
        assertTrue(redFigures.colourfulness() > grayFigures.colourfulness() + 5, redFigures + " " + grayFigures);
        assertEquals(FigureReading.Colour.MORE_COLOURFUL, redReading.colour());
        assertEquals(FigureReading.Colour.LESS_COLOURFUL, grayReading.colour());
        assertTrue(fx(a::getText).contains("more colourful"), fx(a::getText));
        assertTrue(fx(b::getText).contains("less colourful"), fx(b::getText));
        assertFalse(fx(b::getText).contains("steadier colour"), "the gray side is never called steadier: " + fx(b::getText));
        if (grayFigures.cdc() < redFigures.cdc() * (1 - 0.05)) {
            assertEquals(FigureReading.Steadiness.LOWER_BUT_PALER, grayReading.steadiness());
            assertTrue(fx(b::getText).contains("lower only because paler"), fx(b::getText));
        }
        assertNotNull(fx(() -> model.sourceFiguresProperty().get()));
        assertTrue(fx(a::getText).contains("gray source alone"), fx(a::getText));
    }

    @Test
    void ctrlWClosesTheWindowEvenWhileItRuns(FxRobot robot) throws Exception {
        CompareWindow compare = openCompare(robot, red, green);
        colorizers.millisPerFrame = 100;
        robot.clickOn("#compare-run");
        waitUntil(() -> compare.model().runningProperty().get(), 10);
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil(() -> !compare.stage().isShowing(), 10);
    }
}
