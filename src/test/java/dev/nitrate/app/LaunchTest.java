package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starting the application with no arguments opens the demo project from the classpath. */
class LaunchTest {

    @TempDir
    Path appData;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(application);
        System.clearProperty("nitrate.appdata");
    }

    private javafx.application.Application application;

    @Test
    void launchWithoutArgumentsOpensTheDemoProject() throws Exception {
        System.setProperty("nitrate.appdata", appData.toString());
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(NitrateApp.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("demo.nitrate"))).get());
        Path project = appData.resolve("demo/demo.nitrate");
        assertTrue(Files.isRegularFile(project));
        String json = Files.readString(project);
        assertTrue(json.contains("\"film\" : \"demo-film.mp4\""), json);
        assertTrue(json.contains("\"pack\" : \"builtin\""), json);
        assertEquals(1, new dev.nitrate.app.project.ProjectStore().open(project).exemplars().size());
    }
}
