package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening a film or a project in a real editor window under headless Monocle never writes another project:
 * every file of the project left behind, its backup and the demo project are compared by SHA-256.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectLifecycleFlowTest {

    @TempDir
    static Path media;

    private static Path filmA;
    private static Path filmB;
    private static Path red;
    private static Path green;

    @TempDir
    Path work;

    private EditorViewModel editor;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeMedia() throws Exception {
        filmA = TestMedia.writeVideo(media.resolve("reel-a.mp4"), "mp4", VideoCodec.H264, 160, 96, 40, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i < 20 ? 0 : 3, i, 160, 96));
        filmB = TestMedia.writeVideo(Files.createDirectories(media.resolve("b")).resolve("reel-b.mp4"), "mp4", VideoCodec.H264,
                96, 64, 12, new Rational(25, 1), i -> TestMedia.numberedGrayFrame(i, 96, 64));
        red = picture(media.resolve("red.png"), 0xc03020);
        green = picture(media.resolve("green.png"), 0x30a040);
    }

    private static Path picture(Path file, int rgb) throws Exception {
        return EditorTestKit.halfColourPicture(file, 32, 24, rgb);
    }

    private final TaskLanes tasks = new TaskLanes();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SlowColorizerFactory colorizers = new SlowColorizerFactory();
        Services services = EditorTestKit.services(colorizers, work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void closeEditor() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.isShowing() && s.getOwner() != null) {
                    s.close();
                }
            }
            editor.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void openingAFilmStartsANewProjectAndNeverWritesTheProjectLeftBehind(FxRobot robot) throws Exception {
        Path folderA = Files.createDirectories(work.resolve("project-a"));
        Path projectA = folderA.resolve("reel-a.nitrate");
        assertTrue(fx(() -> editor.openFilm(filmA)));
        waitForFilm(filmA);
        addExemplar(green, 25);
        assertTrue(fx(() -> editor.saveProject(projectA)));
        addExemplar(red, 3);
        assertTrue(fx(() -> editor.saveProject(projectA)));
        assertTrue(Files.isRegularFile(ProjectStore.backupOf(projectA)), "the second save keeps the first as .bak");
        assertEquals(1, new ProjectStore().open(ProjectStore.backupOf(projectA)).exemplars().size());
        assertEquals("reel-a.nitrate — Nitrate", fx(stage::getTitle));
        Map<String, String> before = checksums(folderA);

        assertTrue(fx(() -> editor.openFilm(filmB)));
        waitForFilm(filmB);
        assertEquals("reel-b.mp4 (unsaved project) — Nitrate", fx(stage::getTitle));
        assertNull(fx(() -> editor.projectFileProperty().get()), "a film opens as a new, unsaved project");
        assertEquals(List.of(), fx(() -> List.copyOf(editor.exemplars().exemplars())), "the new project has no exemplars");
        assertEquals(0, robot.lookup("#exemplar-list .list-cell").match(ProjectLifecycleFlowTest::isFilledCell).queryAll().size());
        assertEquals(before, checksums(folderA), "opening film B leaves every file of project A as it was");

        addExemplar(red, 5);
        assertEquals("• reel-b.mp4 (unsaved project) — Nitrate", fx(stage::getTitle));
        waitForAutosave();
        assertEquals(before, checksums(folderA), "the autosave of the new project writes only its recovery copy");
        Project recovered = new ProjectStore().open(fx(editor::recoveryFile));
        assertEquals(filmB.toAbsolutePath(), recovered.film());
        assertEquals(1, recovered.exemplars().size());
        Thread.sleep(4000);
        assertEquals(before, checksums(folderA), "nothing more is written for project A");
        Project stillA = new ProjectStore().open(projectA);
        assertEquals(filmA.toAbsolutePath(), stillA.film());
        assertEquals(2, stillA.exemplars().size());

        Future<Boolean> cancelled = WaitForAsyncUtils.asyncFx(() -> editor.openProject(projectA));
        clickInUnsavedDialog(robot, "Cancel");
        assertFalse(cancelled.get(10, TimeUnit.SECONDS), "Cancel keeps the unsaved project open");
        assertEquals(filmB.toAbsolutePath(), fx(() -> editor.filmProperty().get().source()));
        assertEquals(1, fx(() -> editor.exemplars().exemplars().size()));

        Future<Boolean> reopened = WaitForAsyncUtils.asyncFx(() -> editor.openProject(projectA));
        clickInUnsavedDialog(robot, "Don't Save");
        assertTrue(reopened.get(10, TimeUnit.SECONDS));
        waitForFilm(filmA);
        assertEquals("reel-a.nitrate — Nitrate", fx(stage::getTitle));
        assertEquals(2, fx(() -> editor.exemplars().exemplars().size()));
        assertEquals(before, checksums(folderA), "opening a project does not write it");

        String savedA = before.get("reel-a.nitrate");
        fx(() -> {
            editor.exemplars().remove(editor.exemplars().exemplars().get(0));
            return null;
        });
        assertTrue(fx(() -> editor.saveProject(projectA)));
        assertEquals(savedA, ProjectStore.sha256(ProjectStore.backupOf(projectA)), ".bak is the version saved before");
        assertEquals(1, new ProjectStore().open(projectA).exemplars().size());
    }

    @Test
    void anEditNotYetAutosavedGoesIntoItsOwnProjectWhenAFilmIsOpenedAndNothingAfter(FxRobot robot) throws Exception {
        Path folderA = Files.createDirectories(work.resolve("project-a"));
        Path projectA = folderA.resolve("reel-a.nitrate");
        assertTrue(fx(() -> editor.openFilm(filmA)));
        waitForFilm(filmA);
        addExemplar(green, 25);
        assertTrue(fx(() -> editor.saveProject(projectA)));
        String firstSave = ProjectStore.sha256(projectA);
        addExemplar(red, 3);
        assertEquals("• reel-a.nitrate — Nitrate", fx(stage::getTitle));

        assertTrue(fx(() -> editor.openFilm(filmB)), "a saved project with a pending edit does not ask");
        assertEquals(2, new ProjectStore().open(projectA).exemplars().size(), "A's own edit went into A");
        assertEquals(filmA.toAbsolutePath(), new ProjectStore().open(projectA).film());
        assertEquals(firstSave, ProjectStore.sha256(ProjectStore.backupOf(projectA)), ".bak is A's previous save");
        Map<String, String> left = checksums(folderA);
        waitForFilm(filmB);
        addExemplar(green, 4);
        waitForAutosave();
        Thread.sleep(4000);
        assertEquals(left, checksums(folderA), "after leaving it, nothing is written for project A");
    }

    @Test
    void theDemoProjectStaysAsShippedWhenAFilmIsOpenedFromIt(FxRobot robot) throws Exception {
        Path appData = work.resolve("appdata");
        Path demo = DemoProject.prepare(appData, new ProjectStore()).orElseThrow();
        assertTrue(fx(() -> editor.openProject(demo)));
        waitUntil(() -> editor.filmProperty().get() != null && !editor.detectingShotsProperty().get(), 60);
        assertEquals("demo.nitrate — Nitrate", fx(stage::getTitle));
        Map<String, String> before = checksums(demo.getParent());

        assertTrue(fx(() -> editor.openFilm(filmB)));
        waitForFilm(filmB);
        assertEquals("reel-b.mp4 (unsaved project) — Nitrate", fx(stage::getTitle));
        addExemplar(green, 2);
        waitForAutosave();
        assertEquals(filmB.toAbsolutePath(), new ProjectStore().open(appData.resolve("recovery/untitled.nitrate")).film());
        Thread.sleep(4000);
        assertEquals(before, checksums(demo.getParent()), "the demo project and its files are unchanged");
    }

    private void addExemplar(Path picture, int frame) throws Exception {
        fx(() -> {
            editor.noticeProperty().set("");
            editor.timeline().seek(frame);
            window.exemplars().addAll(List.of(picture));
            return null;
        });
    }

    private void waitForFilm(Path film) throws Exception {
        waitUntil(() -> editor.filmProperty().get() != null && editor.filmProperty().get().source().equals(film.toAbsolutePath())
                && !editor.detectingShotsProperty().get() && editor.shownFrameProperty().get() != null, 30);
    }

    /** Waits for the autosave that follows the last edit (its delay is three seconds). */
    private void waitForAutosave() throws Exception {
        waitUntil(() -> editor.noticeProperty().get().startsWith("Autosaved to"), 20);
    }

    private static void clickInUnsavedDialog(FxRobot robot, String button) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#unsaved-dialog").tryQuery().isPresent()));
        Button target = robot.lookup("#unsaved-dialog .button").match(n -> n instanceof Button b && button.equals(b.getText())).query();
        robot.clickOn(target);
    }

    private static boolean isFilledCell(javafx.scene.Node node) {
        return node instanceof ListCell<?> cell && cell.getItem() != null;
    }

    /** SHA-256 of every file under a folder, by relative path. */
    private static Map<String, String> checksums(Path folder) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(folder.relativize(file).toString(), ProjectStore.sha256(file));
            }
        }
        return sums;
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
