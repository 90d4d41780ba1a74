package dev.nitrate.app.docs;

import dev.nitrate.app.Composition;
import dev.nitrate.app.DemoProject;
import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.MainWindow;
import dev.nitrate.app.Services;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The user guide's picture of the timeline lanes: the demo project with its one shot split in two (the second shot
 * inherits the exemplar), both shots previewed with the built-in pack, the playhead on the first suggested frame and
 * the confidence overlay on. Run under Xvfb at 1600x1000 with -Dprism.order=sw:
 * {@code java -cp ... dev.nitrate.app.docs.LanesScreenshot OUT} writes {@code OUT/timeline-lanes.png}.
 */
public final class LanesScreenshot {

    private static final FxCalls FX = FxCalls.SCREENSHOTS;

    private static final int CUT = 90;

    private LanesScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path appData = Files.createTempDirectory("nitrate-lanes");
        Platform.startup(() -> { });
        Services services = Composition.create(appData);
        EditorViewModel editor = FX.fx(() -> new EditorViewModel(services, Platform::runLater));
        Stage stage = FX.fx(Stage::new);
        MainWindow window = FX.fx(() -> {
            MainWindow w = new MainWindow(editor, stage);
            stage.setX(0);
            stage.setY(0);
            w.show();
            return w;
        });
        Path demo = DemoProject.prepare(appData, services.projects()).orElseThrow();
        FX.fx(() -> editor.openProject(demo));
        FX.waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        Thread.sleep(1500);
        FX.fx(() -> {
            editor.shotEditor().splitAt(CUT);
            editor.timeline().seek(10);
            editor.previewCurrentShot();
            return null;
        });
        FX.waitFor(() -> !editor.preview().runningProperty().get(), 300);
        FX.fx(() -> {
            editor.timeline().seek(CUT + 10);
            editor.previewCurrentShot();
            return null;
        });
        FX.waitFor(() -> !editor.preview().runningProperty().get(), 300);
        FX.waitFor(() -> !editor.timeline().lanesProperty().get().suggestions().isEmpty(), 10);
        List<Suggestion> suggestions = FX.fx(() -> editor.timeline().lanesProperty().get().suggestions());
        System.out.println("suggestions: " + suggestions);
        FX.fx(() -> {
            editor.timeline().zoomToFit(window.timeline().getWidth() - 8);
            editor.timeline().seek(suggestions.get(0).frame());
            editor.confidenceOverlayProperty().set(true);
            window.viewer().wipeProperty().set(0.35);
            return null;
        });
        Thread.sleep(2500);
        WritableImage image = FX.fx(() -> stage.getScene().snapshot(null));
        File file = out.resolve("timeline-lanes.png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
        System.out.println("wrote " + file + " " + (int) image.getWidth() + "x" + (int) image.getHeight());
        FX.fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }
}
