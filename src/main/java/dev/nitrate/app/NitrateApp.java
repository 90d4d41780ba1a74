package dev.nitrate.app;

import dev.nitrate.app.project.ProjectFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: composes the services, the editor's view model and its window. */
public final class NitrateApp extends Application {

    private EditorViewModel editor;
    private Services services;

    @Override
    public void start(Stage stage) {
        services = Composition.create(Composition.defaultAppData());
        editor = new EditorViewModel(services, Platform::runLater);
        MainWindow window = new MainWindow(editor, stage);
        window.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            editor.open(Path.of(args.get(0)));
        } else {
            openDemo(services);
        }
    }

    private void openDemo(Services services) {
        try {
            Optional<Path> demo = DemoProject.prepare(services.appData(), services.projects());
            if (demo.isPresent()) {
                editor.openProject(demo.get());
            } else {
                editor.noticeProperty().set("This build has no demo film: open a film with File > Open Film");
            }
        } catch (IOException | ProjectFileException e) {
            editor.report("The demo project cannot be prepared: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (editor != null) {
            editor.close();
        }
        if (services != null) {
            services.tasks().close();
        }
    }
}
