package dev.nitrate.app.docs;

import dev.nitrate.app.Composition;
import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.MainWindow;
import dev.nitrate.app.Services;
import dev.nitrate.app.project.PinScope;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Screenshots of shot editing for the user guide: the demo project with a shot split, an exemplar pinned twice,
 * the timeline's and the exemplars' right-click menus (drawn into the window's picture where they open), and a
 * previewed shot at 100% zoom (colour side at the source's size, the queue panel below the exemplars).
 * Run under Xvfb: {@code java -cp ... dev.nitrate.app.docs.EditingScreenshots OUT [SUFFIX]}.
 */
public final class EditingScreenshots {

    private static final FxCalls FX = FxCalls.SCREENSHOTS;

    private EditingScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String suffix = args.length > 1 ? args[1] : "";
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
        Path demo = dev.nitrate.app.DemoProject.prepare(appData, services.projects()).orElseThrow();
        FX.fx(() -> editor.openProject(demo));
        FX.waitFor(() -> !editor.detectingShotsProperty().get(), 60);
        int frames = FX.fx(() -> editor.timeline().frameCountProperty().get());
        int split = frames / 3;
        FX.fx(() -> {
            editor.shotEditor().splitAt(split);
            editor.timeline().seek(2 * frames / 3);
            var exemplar = editor.exemplars().exemplars().get(0);
            editor.exemplars().addPin(exemplar, 2 * frames / 3, PinScope.FRAME);
            return null;
        });
        Thread.sleep(2500);
        double cutX = FX.fx(() -> window.timeline().frameToX(split) + 2);
        rightClick(window.timeline(), cutX, 100);
        Thread.sleep(800);
        shootWithPopups(stage, out.resolve("timeline-menu" + suffix + ".png").toFile());
        FX.fx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList().forEach(Window::hide);
            return null;
        });
        Node cell = FX.fx(() -> window.exemplars().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null).reduce((a, b) -> b).orElseThrow());
        FX.fx(() -> {
            @SuppressWarnings("unchecked")
            var list = (javafx.scene.control.ListView<Object>) window.exemplars().lookup("#exemplar-list");
            list.getSelectionModel().select(list.getItems().size() - 1);
            return null;
        });
        rightClick(cell, 40, 20);
        Thread.sleep(800);
        shootWithPopups(stage, out.resolve("exemplar-menu" + suffix + ".png").toFile());
        FX.fx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList().forEach(Window::hide);
            editor.timeline().seek(2 * frames / 3);
            editor.previewCurrentShot();
            return null;
        });
        Thread.sleep(500);
        FX.waitFor(() -> !editor.preview().runningProperty().get(), 300);
        FX.fx(() -> {
            window.viewer().actualSize();
            return null;
        });
        Thread.sleep(1500);
        shootWithPopups(stage, out.resolve("preview-100" + suffix + ".png").toFile());
        FX.fx(() -> {
            editor.close();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void rightClick(Node node, double x, double y) throws Exception {
        FX.fx(() -> {
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y, screen.getX(), screen.getY(),
                    false, new PickResult(node, x, y)));
            return null;
        });
    }

    /** The window's picture with its open pop-ups drawn where they are on the screen. */
    private static void shootWithPopups(Stage stage, File file) throws Exception {
        BufferedImage picture = FX.fx(() -> {
            BufferedImage base = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            Graphics2D g = base.createGraphics();
            double originX = stage.getX() + stage.getScene().getX();
            double originY = stage.getY() + stage.getScene().getY();
            List<Window> popups = Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList();
            for (Window popup : popups) {
                BufferedImage image = SwingFXUtils.fromFXImage(popup.getScene().snapshot(null), null);
                g.drawImage(image, (int) Math.round(popup.getX() + popup.getScene().getX() - originX),
                        (int) Math.round(popup.getY() + popup.getScene().getY() - originY), null);
            }
            g.dispose();
            return base;
        });
        ImageIO.write(picture, "png", file);
        System.out.println("wrote " + file + " " + picture.getWidth() + "x" + picture.getHeight());
    }
}
