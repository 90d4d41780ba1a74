package dev.nitrate.app.docs;

import dev.nitrate.app.Composition;
import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.MainWindow;
import dev.nitrate.app.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes the user guide's screenshots from the real editor (run under Xvfb at 1600x1000 with -Dprism.order=sw):
 * {@code UserGuideScreenshots <output folder>}, on the demo project with the built-in pack. Run with
 * {@code -Dglass.gtk.uiScale=1.5} it takes the 1.5x set: the window is then 1066x666 layout pixels on the 1600x1000
 * screen, the pictures are taken at the screen's own pixels, and their names end in {@code -1.5x}.
 */
public final class UserGuideScreenshots {

    private static final FxCalls FX = FxCalls.SCREENSHOTS;

    private static Path out;
    private static double scale = 1;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        Files.createDirectories(out);
        Path appData = Files.createTempDirectory("nitrate-shots");
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
        scale = FX.fx(stage::getOutputScaleX);
        System.out.println("output scale " + scale + ", window " + FX.fx(() -> stage.getScene().getWidth() + "x" + stage.getScene().getHeight()));
        Path demo = dev.nitrate.app.DemoProject.prepare(appData, services.projects()).orElseThrow();
        FX.fx(() -> editor.openProject(demo));
        FX.waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        FX.fx(() -> {
            editor.timeline().seek(60);
            return null;
        });
        Thread.sleep(3000);
        shoot(stage.getScene(), "editor.png");
        FX.fx(() -> {
            editor.previewCurrentShot();
            return null;
        });
        FX.waitFor(() -> !editor.preview().runningProperty().get(), 300);
        System.out.println(FX.fx(() -> editor.preview().statusProperty().get()));
        FX.fx(() -> {
            editor.timeline().seek(61);
            editor.timeline().seek(60);
            window.viewer().wipeProperty().set(0.42);
            return null;
        });
        Thread.sleep(1500);
        shoot(stage.getScene(), "preview.png");
        FxCalls.later(() -> {
            window.settings();
            return null;
        });
        Thread.sleep(1500);
        shootTopDialog("settings.png");
        FX.fx(() -> {
            topDialogScene().getRoot().lookupAll(".titled-pane").forEach(n -> ((javafx.scene.control.TitledPane) n).setExpanded(true));
            return null;
        });
        Thread.sleep(1500);
        shootTopDialog("settings-advanced.png");
        closeTopDialog();
        FxCalls.later(() -> {
            window.export();
            return null;
        });
        Thread.sleep(1500);
        shootTopDialog("export.png");
        FX.fx(() -> {
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) topDialogScene().getRoot();
            ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().stream()
                    .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow())).fire();
            return null;
        });
        FX.waitFor(() -> editor.renders().items().stream().anyMatch(r -> r.progressProperty().get() > 0.2), 120);
        shoot(stage.getScene(), "queue.png");
        FX.fx(() -> {
            List.copyOf(editor.renders().items()).forEach(editor.renders()::cancel);
            return null;
        });
        FxCalls.later(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup("#menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "Keyboard Shortcuts".equals(i.getText()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        Thread.sleep(1500);
        shootTopDialog("keyboard.png");
        closeTopDialog();
        CompareScreenshots.shoot(window, editor, out, appData);
        FX.fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void shootTopDialog(String name) throws Exception {
        shoot(FX.fx(UserGuideScreenshots::topDialogScene), name);
    }

    private static Scene topDialogScene() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null && s.isShowing())
                .map(Window::getScene).reduce((a, b) -> b).orElseThrow();
    }

    private static void closeTopDialog() throws Exception {
        FX.fx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null && s.isShowing())
                    .reduce((a, b) -> b).ifPresent(Window::hide);
            return null;
        });
        Thread.sleep(500);
    }

    private static void shoot(Scene scene, String name) throws Exception {
        FX.snapshot(scene, scale, out.resolve(scale == 1 ? name : name.replace(".png", "-" + scale + "x.png")));
    }
}
