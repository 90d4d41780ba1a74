package dev.nitrate.app.docs;

import dev.nitrate.app.Composition;
import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.MainWindow;
import dev.nitrate.app.Services;
import dev.nitrate.app.compare.ComparePanes;
import dev.nitrate.app.compare.CompareViewModel;
import dev.nitrate.app.compare.CompareWindow;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The user guide's Compare screenshots (run under Xvfb at 1600x1000 with -Dprism.order=sw):
 * {@code CompareScreenshots <output folder>}, on the demo project with the built-in pack; side B uses the demo exemplar
 * with its red and blue swapped, so that the two sides differ. Also used by {@link UserGuideScreenshots}.
 */
public final class CompareScreenshots {

    private CompareScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path appData = Files.createTempDirectory("nitrate-shots");
        Platform.startup(() -> { });
        Services services = Composition.create(appData);
        EditorViewModel editor = fx(() -> new EditorViewModel(services, Platform::runLater));
        Stage stage = fx(Stage::new);
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(editor, stage);
            w.show();
            return w;
        });
        Path demo = dev.nitrate.app.DemoProject.prepare(appData, services.projects()).orElseThrow();
        fx(() -> editor.openProject(demo));
        waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        shoot(window, editor, out, appData);
        fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /** Opens Compare on the shot at frame 60, colorizes both sides, takes compare.png (with the source) and compare-wipe.png (the wipe at 200%, panned). */
    static void shoot(MainWindow window, EditorViewModel editor, Path out, Path scratch) throws Exception {
        ProjectExemplar original = fx(() -> editor.exemplars().exemplars().get(0));
        Path swapped = swapRedAndBlue(original.image(), scratch.resolve("exemplar-red-blue-swapped.png"));
        ProjectExemplar other = fx(() -> editor.exemplars().add(swapped, original.frame(), PinScope.FRAME, ExemplarFit.CROP));
        fx(() -> {
            editor.timeline().seek(60);
            window.compare();
            return null;
        });
        CompareWindow compare = window.compareWindow();
        double scale = fx(() -> compare.stage().getOutputScaleX());
        fx(() -> {
            compare.stage().setX(0);
            compare.stage().setY(0);
            compare.stage().setWidth(1600 / scale);
            compare.stage().setHeight(1000 / scale);
            CompareViewModel model = compare.model();
            model.left().choiceProperty().set(new CompareViewModel.Choice(original, 240));
            model.right().choiceProperty().set(new CompareViewModel.Choice(other, 240));
            model.run();
            return null;
        });
        waitFor(() -> !compare.model().runningProperty().get(), 600);
        System.out.println("compare A: " + fx(() -> compare.model().left().figuresProperty().get()));
        System.out.println("compare B: " + fx(() -> compare.model().right().figuresProperty().get()));
        fx(() -> {
            compare.model().frameProperty().set(compare.model().firstProperty().get() + 30);
            compare.panes().modeProperty().set(ComparePanes.Mode.WITH_SOURCE);
            return null;
        });
        Thread.sleep(1500);
        snapshot(compare.stage().getScene(), scale, out.resolve(named("compare", scale)));
        fx(() -> {
            compare.panes().modeProperty().set(ComparePanes.Mode.WIPE);
            compare.panes().zoomProperty().set(2);
            compare.panes().centreXProperty().set(0.62);
            compare.panes().centreYProperty().set(0.3);
            compare.panes().wipeView().wipeProperty().set(0.5);
            return null;
        });
        Thread.sleep(1500);
        snapshot(compare.stage().getScene(), scale, out.resolve(named("compare-wipe", scale)));
        fx(() -> {
            compare.stage().close();
            return null;
        });
    }

    private static Path swapRedAndBlue(Path picture, Path target) throws Exception {
        BufferedImage image = ImageIO.read(picture.toFile());
        BufferedImage swapped = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                swapped.setRGB(x, y, (rgb & 0x00ff00) | ((rgb >> 16) & 0xff) | ((rgb & 0xff) << 16));
            }
        }
        ImageIO.write(swapped, "png", target.toFile());
        return target;
    }

    private static String named(String name, double scale) {
        return scale == 1 ? name + ".png" : name + "-" + scale + "x.png";
    }

    private static void snapshot(Scene scene, double scale, Path file) throws Exception {
        WritableImage image = fx(() -> {
            javafx.scene.SnapshotParameters at = new javafx.scene.SnapshotParameters();
            at.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
            return scene.getRoot().snapshot(at, null);
        });
        File written = file.toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", written);
        System.out.println("wrote " + written + " " + (int) image.getWidth() + "x" + (int) image.getHeight());
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
