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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

    private static final int CUT = 90;

    private LanesScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path appData = Files.createTempDirectory("nitrate-lanes");
        Platform.startup(() -> { });
        Services services = Composition.create(appData);
        EditorViewModel editor = fx(() -> new EditorViewModel(services, Platform::runLater));
        Stage stage = fx(Stage::new);
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(editor, stage);
            stage.setX(0);
            stage.setY(0);
            w.show();
            return w;
        });
        Path demo = DemoProject.prepare(appData, services.projects()).orElseThrow();
        fx(() -> editor.openProject(demo));
        waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        Thread.sleep(1500);
        fx(() -> {
            editor.shotEditor().splitAt(CUT);
            editor.timeline().seek(10);
            editor.previewCurrentShot();
            return null;
        });
        waitFor(() -> !editor.preview().runningProperty().get(), 300);
        fx(() -> {
            editor.timeline().seek(CUT + 10);
            editor.previewCurrentShot();
            return null;
        });
        waitFor(() -> !editor.preview().runningProperty().get(), 300);
        waitFor(() -> !editor.timeline().lanesProperty().get().suggestions().isEmpty(), 10);
        List<Suggestion> suggestions = fx(() -> editor.timeline().lanesProperty().get().suggestions());
        System.out.println("suggestions: " + suggestions);
        fx(() -> {
            editor.timeline().zoomToFit(window.timeline().getWidth() - 8);
            editor.timeline().seek(suggestions.get(0).frame());
            editor.confidenceOverlayProperty().set(true);
            window.viewer().wipeProperty().set(0.35);
            return null;
        });
        Thread.sleep(2500);
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        File file = out.resolve("timeline-lanes.png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
        System.out.println("wrote " + file + " " + (int) image.getWidth() + "x" + (int) image.getHeight());
        fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && !fx(condition::getAsBoolean)) {
            Thread.sleep(200);
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }
}
