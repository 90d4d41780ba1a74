package dev.nitrate.app.project;

import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.exemplar.ExemplarFit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {

    @TempDir
    Path dir;

    private final ProjectStore store = new ProjectStore();

    private Project sampleProject() throws Exception {
        Path film = Files.write(dir.resolve("films/reel1.mp4".replace("/", "_")), new byte[] {1, 2, 3});
        Path image = Files.write(dir.resolve("ref.png"), new byte[] {9, 8, 7, 6});
        ProjectExemplar exemplar = new ProjectExemplar(image, ProjectStore.sha256(image), "ref.png", 12,
                PinScope.SHOT, ExemplarFit.PAD);
        ProjectSettings settings = new ProjectSettings(new PackLocation.Folder(dir.resolve("pack")), new ComputeDevice.Cuda(1),
                360, new InferenceOptions.MemoryOverrides(30, 5, null, null, 128, 10000));
        RenderRecord render = new RenderRecord("r1", dir.resolve("out"), ExportFormat.PNG_SEQUENCE, 90, 0, 100, true,
                false, 40, dir.resolve("out/.checkpoint"), true);
        return new Project(film, List.of(exemplar), settings, List.of(render));
    }

    @Test
    void roundTripKeepsEverythingAndStoresRelativePathsAndExemplarCopies() throws Exception {
        Project project = sampleProject();
        Path file = dir.resolve("work.nitrate");
        Project saved = store.save(project, file);

        String text = Files.readString(file);
        assertTrue(text.contains("\"film\" : \"films_reel1.mp4\""), text);
        assertFalse(text.contains(dir.toString()), "paths must be relative: " + text);
        Path copy = saved.exemplars().get(0).image();
        assertEquals(ProjectStore.exemplarFolder(file), copy.getParent());
        assertEquals(project.exemplars().get(0).sha256(), ProjectStore.sha256(copy));

        Files.delete(dir.resolve("ref.png"));
        Project reopened = store.open(file);
        assertEquals(saved, reopened);
        assertEquals(project.settings(), reopened.settings());
        assertEquals(40, reopened.renders().get(0).framesDone());
    }

    @Test
    void projectMovedWithItsFilmStillFindsTheFilm() throws Exception {
        Project project = sampleProject();
        Path file = dir.resolve("work.nitrate");
        store.save(project, file);
        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.move(file, moved.resolve("work.nitrate"));
        Files.move(ProjectStore.exemplarFolder(file), ProjectStore.exemplarFolder(moved.resolve("work.nitrate")));
        Files.move(project.film(), moved.resolve(project.film().getFileName()));
        Project reopened = store.open(moved.resolve("work.nitrate"));
        assertEquals(moved.resolve(project.film().getFileName()), reopened.film());
    }

    @Test
    void damagedFileGivesClearErrorAndBackupKeepsLastGoodCopy() throws Exception {
        Path file = dir.resolve("work.nitrate");
        Project project = sampleProject();
        store.save(project, file);
        store.save(project.withFilm(dir.resolve("other.mp4")), file);
        Path backup = ProjectStore.backupOf(file);
        assertTrue(store.open(backup).film().endsWith("films_reel1.mp4"));

        Files.writeString(file, "{ \"format\": \"nitrate-project\", \"version\": 1, \"film\": ", StandardCharsets.UTF_8);
        ProjectFileException error = assertThrows(ProjectFileException.class, () -> store.open(file));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("damaged"), error.getMessage());
        assertTrue(error.getMessage().contains(backup.toString()), error.getMessage());

        store.save(project, file);
        assertTrue(store.open(backup).film().endsWith("films_reel1.mp4"), "a damaged file must not replace the backup");
    }

    @Test
    void aSaveNeverReplacesAFileOrBackupThatIsNotAProject() throws Exception {
        Project project = sampleProject();
        Path notes = dir.resolve("notes.nitrate");
        Files.writeString(notes, "reel 3: scratches at 00:12", StandardCharsets.UTF_8);
        ProjectFileException refused = assertThrows(ProjectFileException.class, () -> store.save(project, notes));
        assertTrue(refused.getMessage().contains("not a Nitrate project"), refused.getMessage());
        assertEquals("reel 3: scratches at 00:12", Files.readString(notes, StandardCharsets.UTF_8));
        assertFalse(Files.exists(ProjectStore.backupOf(notes)));

        Path file = dir.resolve("kept.nitrate");
        store.save(project, file);
        byte[] saved = Files.readAllBytes(file);
        Path backup = ProjectStore.backupOf(file);
        Files.writeString(backup, "someone else's file", StandardCharsets.UTF_8);
        assertThrows(ProjectFileException.class, () -> store.save(project.withFilm(dir.resolve("other.mp4")), file));
        assertEquals("someone else's file", Files.readString(backup, StandardCharsets.UTF_8));
        assertArrayEquals(saved, Files.readAllBytes(file));
    }

    @Test
    void notAProjectAndChangedExemplarAreNamed() throws Exception {
        Path file = dir.resolve("x.nitrate");
        Files.writeString(file, "{\"hello\": 1}");
        assertTrue(assertThrows(ProjectFileException.class, () -> store.open(file)).getMessage().contains("not a Nitrate project"));

        Path project = dir.resolve("y.nitrate");
        Project saved = store.save(sampleProject(), project);
        Files.write(saved.exemplars().get(0).image(), new byte[] {0});
        String message = assertThrows(ProjectFileException.class, () -> store.open(project)).getMessage();
        assertTrue(message.contains("has changed"), message);
        assertTrue(assertThrows(ProjectFileException.class, () -> store.open(dir.resolve("none.nitrate")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void theBackupIsTheVersionSavedBeforeByteForByte() throws Exception {
        Path file = dir.resolve("work.nitrate");
        Project first = sampleProject();
        store.save(first, file);
        assertFalse(Files.exists(ProjectStore.backupOf(file)), "a first save has no previous version");
        byte[] firstBytes = Files.readAllBytes(file);

        store.save(first.withFilm(dir.resolve("second.mp4")), file);
        assertArrayEquals(firstBytes, Files.readAllBytes(ProjectStore.backupOf(file)));
        assertTrue(store.open(file).film().endsWith("second.mp4"));
        byte[] secondBytes = Files.readAllBytes(file);

        store.save(first.withFilm(dir.resolve("third.mp4")), file);
        assertArrayEquals(secondBytes, Files.readAllBytes(ProjectStore.backupOf(file)));
    }

    @Test
    void savingUnchangedContentLeavesTheFileAndItsBackupAlone() throws Exception {
        Path file = dir.resolve("work.nitrate");
        Project first = sampleProject();
        Project second = first.withFilm(dir.resolve("second.mp4"));
        store.save(first, file);
        byte[] firstBytes = Files.readAllBytes(file);
        store.save(second, file);
        FileTime written = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(written.toMillis() - 60_000));
        FileTime marked = Files.getLastModifiedTime(file);

        store.save(second, file);
        assertArrayEquals(firstBytes, Files.readAllBytes(ProjectStore.backupOf(file)), "the backup still holds the first version");
        assertEquals(marked, Files.getLastModifiedTime(file), "an unchanged project is not rewritten");
    }

    @Test
    void aBackupIsNeverWrittenFromAnotherProject() throws Exception {
        Path fileA = dir.resolve("a.nitrate");
        Path fileB = dir.resolve("b.nitrate");
        Project projectA = sampleProject();
        store.save(projectA, fileA);
        store.save(projectA.withFilm(dir.resolve("a2.mp4")), fileA);
        String fileASum = ProjectStore.sha256(fileA);
        String backupASum = ProjectStore.sha256(ProjectStore.backupOf(fileA));

        Project projectB = new Project(dir.resolve("b.mp4"), List.of(), ProjectSettings.DEFAULTS, List.of());
        store.save(projectB, fileB);
        byte[] firstB = Files.readAllBytes(fileB);
        store.save(projectB.withFilm(dir.resolve("b2.mp4")), fileB);
        store.save(projectB.withFilm(dir.resolve("b3.mp4")), dir.resolve("c.nitrate"));

        assertEquals(fileASum, ProjectStore.sha256(fileA));
        assertEquals(backupASum, ProjectStore.sha256(ProjectStore.backupOf(fileA)), "A's backup is only ever A's own version");
        assertArrayEquals(firstB, Files.readAllBytes(ProjectStore.backupOf(fileB)));
        assertFalse(Files.exists(ProjectStore.backupOf(dir.resolve("c.nitrate"))), "a new file gets no backup from anywhere");
    }

    @Test
    void autosaverWritesTheLatestDraftIntoItsOwnFileAfterTheDelay() throws Exception {
        TaskLanes lanes = new TaskLanes();
        try {
            Project project = sampleProject();
            Path fileA = dir.resolve("a.nitrate");
            Path recovery = dir.resolve("recovery/untitled.nitrate");
            CountDownLatch saved = new CountDownLatch(1);
            AtomicReference<Autosaver.Outcome> outcome = new AtomicReference<>();
            Autosaver autosaver = new Autosaver(store, lanes.lane("autosave"), Duration.ofMillis(50), o -> {
                outcome.set(o);
                saved.countDown();
            });
            autosaver.changed(new Autosaver.Draft(project, fileA));
            Autosaver.Draft untitled = new Autosaver.Draft(project.withFilm(dir.resolve("b.mp4")), recovery);
            autosaver.changed(untitled);
            assertTrue(saved.await(5, TimeUnit.SECONDS));
            assertEquals(new Autosaver.Saved(untitled), outcome.get());
            assertTrue(store.open(recovery).film().endsWith("b.mp4"));
            assertFalse(Files.exists(fileA), "a draft replaced by another project's draft is never written");
        } finally {
            lanes.close();
        }
    }

    @Test
    void aDiscardedDraftIsNeverWritten() throws Exception {
        TaskLanes lanes = new TaskLanes();
        try {
            Path fileA = dir.resolve("a.nitrate");
            AtomicReference<Autosaver.Outcome> outcome = new AtomicReference<>();
            Autosaver autosaver = new Autosaver(store, lanes.lane("autosave"), Duration.ofMillis(50), outcome::set);
            autosaver.changed(new Autosaver.Draft(sampleProject(), fileA));
            autosaver.discard();
            autosaver.saveNow();
            Thread.sleep(300);
            assertFalse(Files.exists(fileA));
            assertEquals(null, outcome.get());
        } finally {
            lanes.close();
        }
    }
}
