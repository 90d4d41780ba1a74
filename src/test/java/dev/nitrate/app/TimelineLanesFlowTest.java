package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static dev.nitrate.app.EditorTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.preview.ExemplarCoverage.ShotCoverage;
import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.timeline.LaneContent;
import dev.nitrate.app.timeline.TimelineRow;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import dev.nitrate.engine.image.FloatPlane;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
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

/**
 * The timeline's lanes on the demo film with the built-in pack: which exemplar colours each shot (an inherited shot
 * marked), the previewed frames, the per-frame figures plotted, suggestion markers that move the playhead, and the
 * confidence overlay on the preview.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineLanesFlowTest {

    private static final int CUT = 75;
    private static final double PIXELS_PER_FRAME = 4;

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(EditorTestKit.services(new PackColorizerFactory(), work.resolve("appdata"), tasks), Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private LaneContent lanes() throws Exception {
        return fx(() -> editor.timeline().lanesProperty().get());
    }

    private double centre(int frame) throws Exception {
        return fx(() -> window.timeline().frameToX(frame) + editor.timeline().pixelsPerFrameProperty().get() / 2);
    }

    private static double middle(TimelineRow row) {
        return row.top() + row.height() / 2;
    }

    @Test
    void theLanesShowCoverageFiguresAndSuggestionsAndTheOverlayTintsThePreview(FxRobot robot) throws Exception {
        Path demo = DemoProject.prepare(work.resolve("appdata"), editor.services().projects()).orElseThrow();
        assertTrue(fx(() -> editor.openProject(demo)));
        waitUntil(() -> !editor.detectingShotsProperty().get(), 60);
        fx(() -> {
            editor.applySettings(new ProjectSettings(PackLocation.BUILTIN, ComputeDevice.CPU, 144, null));
            editor.shotEditor().splitAt(CUT);
            editor.timeline().pixelsPerFrameProperty().set(PIXELS_PER_FRAME);
            return null;
        });
        waitUntil(() -> editor.timeline().lanesProperty().get().coverage().size() == 2, 10);
        List<ShotCoverage> coverage = lanes().coverage();
        String exemplar = fx(() -> editor.exemplars().exemplars().get(0).originalName());
        assertEquals(List.of(exemplar), coverage.get(0).exemplars().stream().map(e -> e.originalName()).toList());
        assertFalse(coverage.get(0).inherited(), "shot 1 has the demo's pin");
        assertEquals(coverage.get(0).exemplars(), coverage.get(1).exemplars(), "shot 2 is coloured by shot 1's exemplar");
        assertTrue(coverage.get(1).inherited(), "shot 2 has no pin of its own");
        String tip = fx(() -> window.timeline().describe(centre(110), middle(TimelineRow.COVERAGE)));
        assertTrue(tip.contains("coloured by " + exemplar) && tip.contains("inherited from shot 1"), tip);
        assertTrue(fx(() -> window.timeline().describe(centre(10), middle(TimelineRow.COVERAGE))).contains("pinned in this shot"));

        assertFalse(fx(() -> window.timeline().figuresShown()), "no figures rows before a preview");
        double heightBefore = fx(() -> window.timeline().getHeight());
        fx(() -> {
            editor.timeline().seek(100);
            editor.previewCurrentShot();
            return null;
        });
        int previewed = 150 - CUT;
        waitUntil(() -> !editor.preview().runningProperty().get() && editor.preview().cachedCount() == previewed, 240);
        waitUntil(() -> editor.timeline().lanesProperty().get().figures().size() == previewed
                && !editor.timeline().lanesProperty().get().suggestions().isEmpty(), 10);
        assertTrue(fx(() -> window.timeline().figuresShown()), "the figures rows once a frame is previewed");
        double grown = heightBefore + TimelineRow.FIGURES.height() + TimelineRow.SUGGESTIONS.height();
        waitUntil(() -> Math.abs(window.timeline().getHeight() - grown) < 0.5, 10);
        assertEquals(heightBefore + TimelineRow.FIGURES.height() + TimelineRow.SUGGESTIONS.height(),
                fx(() -> window.timeline().getHeight()), 0.5);
        LaneContent content = lanes();
        assertEquals(CUT, content.previewed().nextSetBit(0));
        assertEquals(previewed, content.previewed().cardinality());
        for (Map.Entry<Integer, FrameFigures> e : content.figures().entrySet()) {
            FrameFigures f = e.getValue();
            assertTrue(f.colourfulness() > 0, "frame " + e.getKey() + " is colourful: " + f);
            assertTrue(f.confidence().isPresent() && f.confidence().getAsDouble() >= 0 && f.confidence().getAsDouble() <= 1, f.toString());
            assertEquals(e.getKey() > CUT, f.colourChange().isPresent(), "a change from the previous frame from the second frame on");
        }
        List<Suggestion> suggestions = content.suggestions();
        double lowest = content.figures().values().stream().mapToDouble(f -> f.confidence().getAsDouble()).min().orElseThrow();
        assertEquals(lowest, suggestions.get(0).score(), 1e-12, "the first suggestion is the least confident previewed frame");
        suggestions.forEach(s -> assertTrue(s.frame() >= CUT, "suggested only where previewed: " + s));

        fx(() -> {
            editor.timeline().pixelsPerFrameProperty().set(PIXELS_PER_FRAME);
            editor.timeline().seek(0);
            return null;
        });
        Thread.sleep(300);
        assertEquals(PIXELS_PER_FRAME, fx(() -> editor.timeline().pixelsPerFrameProperty().get()), "the zoom the positions below assume");
        Image canvas = fx(() -> {
            Node node = window.timeline().lookup("#timeline-canvas");
            return node.snapshot(null, null);
        });
        PixelReader pixels = canvas.getPixelReader();
        for (int frame = 5; frame < 110; frame++) {
            boolean wasPreviewed = frame >= CUT + 1;
            if (frame == CUT) {
                continue;
            }
            int x = (int) centre(frame);
            assertEquals(wasPreviewed, hasConfidenceLine(pixels, x), "the confidence line is plotted exactly over the previewed frames, frame " + frame);
            int green = pixels.getArgb(x, (int) middle(TimelineRow.PREVIEWED));
            assertEquals(wasPreviewed, (green >> 8 & 255) > 150 && (green >> 16 & 255) < 120, "previewed lane at frame " + frame);
        }
        double own = brightness(pixels, (int) centre(45), (int) centre(70), TimelineRow.COVERAGE);
        double inherited = brightness(pixels, (int) centre(120), (int) centre(145), TimelineRow.COVERAGE);
        assertTrue(inherited < own * 0.75, "the inherited shot is drawn dimmed: " + inherited + " against " + own);
        String figuresTip = fx(() -> window.timeline().describe(centre(100), middle(TimelineRow.FIGURES)));
        assertTrue(figuresTip.contains(String.format(Locale.ROOT, "confidence %.2f", content.figures().get(100).confidence().getAsDouble()))
                && figuresTip.contains("colourfulness") && figuresTip.contains("how much of the frame's colour"), figuresTip);

        Suggestion first = suggestions.get(0);
        robot.clickOn(robot.point(window.timeline()).atPosition(Pos.TOP_LEFT)
                .atOffset(new Point2D(centre(first.frame()) - 7, middle(TimelineRow.SUGGESTIONS))), MouseButton.PRIMARY);
        assertEquals(first.frame(), (int) fx(() -> editor.timeline().currentFrameProperty().get()), "a click beside the marker goes to its frame, not to the frame under the mouse");

        Suggestion earliest = suggestions.stream().min(java.util.Comparator.comparingInt(Suggestion::frame)).orElseThrow();
        EditorTestKit.rightClick(window.timeline(), centre(20), middle(TimelineRow.SUGGESTIONS));
        robot.clickOn(String.format(Locale.ROOT, "Go to Suggested Frame %d (confidence %.2f)", earliest.frame(), earliest.score()));
        assertEquals(earliest.frame(), (int) fx(() -> editor.timeline().currentFrameProperty().get()));

        fx(() -> {
            editor.timeline().seek(first.frame());
            return null;
        });
        FloatPlane confidence = fx(() -> editor.preview().confidence(first.frame()).orElseThrow());
        float least = 1;
        for (float v : confidence.values()) {
            least = Math.min(least, v);
        }
        assertTrue(least < 0.5f, "the suggested frame has guessed pixels to hatch: least confidence " + least);
        waitUntil(() -> window.viewer().colorizedProperty().get() != null
                && window.viewer().colorizedProperty().get() == editor.preview().cached(first.frame()), 20);
        Image plain = fx(() -> window.viewer().colorizedProperty().get());
        EditorTestKit.typeCtrlShift(robot, KeyCode.C);
        assertTrue(fx(() -> editor.confidenceOverlayProperty().get()), "Ctrl+Shift+C turns the overlay on");
        waitUntil(() -> window.viewer().colorizedProperty().get() != plain, 20);
        Image tinted = fx(() -> window.viewer().colorizedProperty().get());
        double[] change = magentaShift(plain, tinted);
        assertTrue(change[0] > 0.01, "the overlay changes the preview's pixels: " + change[0] + " of them");
        assertTrue(change[1] > 20, "towards magenta: " + change[1]);
        EditorTestKit.typeCtrlShift(robot, KeyCode.C);
        waitUntil(() -> !editor.confidenceOverlayProperty().get(), 5);
        assertSame(plain, fx(() -> window.viewer().colorizedProperty().get()), "off again: the plain preview");
        assertNotSame(plain, tinted);

        EditorTestKit.rightClick(window.timeline(), centre(120), middle(TimelineRow.COVERAGE));
        robot.clickOn("Pin " + exemplar + " to Frame 120");
        waitUntil(() -> !editor.timeline().lanesProperty().get().coverage().get(1).inherited(), 10);
        assertEquals(120, lanes().coverage().get(1).exemplars().get(0).frame(), "shot 2 now has its own pin");
    }

    private static boolean hasConfidenceLine(PixelReader pixels, int x) {
        for (int y = (int) TimelineRow.FIGURES.top() + 1; y < TimelineRow.FIGURES.bottom() - 5; y++) {
            int argb = pixels.getArgb(x, y);
            int r = argb >> 16 & 255;
            int g = argb >> 8 & 255;
            int b = argb & 255;
            if (Math.min(r, Math.min(g, b)) > 150 && Math.abs(r - g) < 24 && Math.abs(g - b) < 24) {
                return true;
            }
        }
        return false;
    }

    private static double brightness(PixelReader pixels, int x0, int x1, TimelineRow row) {
        double sum = 0;
        int n = 0;
        for (int y = (int) row.top() + 2; y < row.bottom() - 2; y++) {
            for (int x = x0; x < x1; x++) {
                int argb = pixels.getArgb(x, y);
                sum += (argb >> 16 & 255) + (argb >> 8 & 255) + (argb & 255);
                n++;
            }
        }
        return sum / n;
    }

    /** The share of pixels the overlay changed, and how much more magenta ((R + B) / 2 - G) they became on average. */
    private static double[] magentaShift(Image plain, Image tinted) {
        PixelReader a = plain.getPixelReader();
        PixelReader b = tinted.getPixelReader();
        int changed = 0;
        double shift = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                int p = a.getArgb(x, y);
                int q = b.getArgb(x, y);
                if (p != q) {
                    changed++;
                    shift += magenta(q) - magenta(p);
                }
            }
        }
        return new double[] {changed / (plain.getWidth() * plain.getHeight()), changed == 0 ? 0 : shift / changed};
    }

    private static double magenta(int argb) {
        return ((argb >> 16 & 255) + (argb & 255)) / 2.0 - (argb >> 8 & 255);
    }
}
