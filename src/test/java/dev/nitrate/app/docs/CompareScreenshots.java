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
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The user guide's Compare screenshots (run under Xvfb at 1600x1000 with -Dprism.order=sw):
 * {@code CompareScreenshots <output folder>}, on the demo project with the built-in pack; side B uses the demo exemplar
 * with its red and blue swapped, so that the two sides differ. Also used by {@link UserGuideScreenshots}.
 */
public final class CompareScreenshots {

    private static final FxCalls FX = FxCalls.SCREENSHOTS;

    private CompareScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path appData = Files.createTempDirectory("nitrate-shots");
        Platform.startup(() -> { });
        Services services = Composition.create(appData);
        EditorViewModel editor = FX.fx(() -> new EditorViewModel(services, Platform::runLater));
        Stage stage = FX.fx(Stage::new);
        MainWindow window = FX.fx(() -> {
            MainWindow w = new MainWindow(editor, stage);
            w.show();
            return w;
        });
        Path demo = dev.nitrate.app.DemoProject.prepare(appData, services.projects()).orElseThrow();
        FX.fx(() -> editor.openProject(demo));
        FX.waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        shoot(window, editor, out, appData);
        FX.fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /** Opens Compare on the shot at frame 60, colorizes both sides, takes compare.png (with the source) and compare-wipe.png (the wipe at 200%, panned). */
    static void shoot(MainWindow window, EditorViewModel editor, Path out, Path scratch) throws Exception {
        ProjectExemplar original = FX.fx(() -> editor.exemplars().exemplars().get(0));
        Path swapped = swapRedAndBlue(original.image(), scratch.resolve("exemplar-red-blue-swapped.png"));
        ProjectExemplar other = FX.fx(() -> editor.exemplars().add(swapped, original.frame(), PinScope.FRAME, ExemplarFit.CROP));
        FX.fx(() -> {
            editor.timeline().seek(60);
            window.compare();
            return null;
        });
        CompareWindow compare = window.compareWindow();
        double scale = FX.fx(() -> compare.stage().getOutputScaleX());
        FX.fx(() -> {
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
        FX.waitFor(() -> !compare.model().runningProperty().get(), 600);
        System.out.println("compare A: " + FX.fx(() -> compare.model().left().figuresProperty().get()));
        System.out.println("compare B: " + FX.fx(() -> compare.model().right().figuresProperty().get()));
        FX.fx(() -> {
            compare.model().frameProperty().set(compare.model().firstProperty().get() + 30);
            compare.panes().modeProperty().set(ComparePanes.Mode.WITH_SOURCE);
            return null;
        });
        Thread.sleep(1500);
        FX.snapshot(compare.stage().getScene(), scale, out.resolve(named("compare", scale)));
        FX.fx(() -> {
            compare.panes().modeProperty().set(ComparePanes.Mode.WIPE);
            compare.panes().zoomProperty().set(2);
            compare.panes().centreXProperty().set(0.62);
            compare.panes().centreYProperty().set(0.3);
            compare.panes().wipeView().wipeProperty().set(0.5);
            return null;
        });
        Thread.sleep(1500);
        FX.snapshot(compare.stage().getScene(), scale, out.resolve(named("compare-wipe", scale)));
        FX.fx(() -> {
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
}
