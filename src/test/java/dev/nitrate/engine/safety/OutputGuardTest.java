package dev.nitrate.engine.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's rules where they matter most: at the moment of replacing and deleting, after the checks of the start. */
class OutputGuardTest {

    @TempDir
    Path folder;

    @Test
    void aKilledJobsWorkFolderIsReusedAndOnlyNitratesFilesAreDeleted() throws Exception {
        Path output = folder.resolve("out.mp4");
        OutputGuard first = OutputGuard.claim(output, OutputGuard.Shape.FILE, false, List.of());
        Path work = first.openWorkFolder();
        Files.writeString(work.resolve("job.txt"), "key");
        Files.createDirectories(work.resolve("segments"));
        Files.writeString(work.resolve("segments/seg-000000000000.nut"), "segment");

        OutputGuard resumed = OutputGuard.claim(output, OutputGuard.Shape.FILE, false, List.of());
        assertEquals(work, resumed.openWorkFolder());
        assertTrue(Files.exists(work.resolve("segments/seg-000000000000.nut")), "earlier work kept for the resume");

        Path letter = Files.writeString(work.resolve("segments/letter.txt"), "someone put this here");
        assertFalse(resumed.removeWorkFolder(), "a folder holding a foreign file stays");
        assertTrue(Files.exists(letter));
        assertFalse(Files.exists(work.resolve("segments/seg-000000000000.nut")), "Nitrate's own files are gone");
        assertThrows(OutputRefusedException.class, resumed::clearWorkFolder);
        assertTrue(Files.exists(letter));
        assertThrows(IllegalArgumentException.class, () -> resumed.deleteWorkFile(letter));
        assertTrue(Files.exists(letter));
    }

    @Test
    void anOutputThatAppearsDuringTheRenderIsNeverReplaced() throws Exception {
        Path output = folder.resolve("out.mp4");
        OutputGuard guard = OutputGuard.claim(output, OutputGuard.Shape.FILE, false, List.of());
        guard.openWorkFolder();
        Path finished = Files.writeString(guard.assemblyFile(), "the render");
        Files.writeString(output, "saved by the user while Nitrate was rendering");
        assertThrows(OutputRefusedException.class, () -> guard.publishFile(finished));
        assertEquals("saved by the user while Nitrate was rendering", Files.readString(output));
        assertEquals("the render", Files.readString(finished), "the render is kept");
    }

    @Test
    void aFileAddedToAnEarlierOutputFolderDuringTheRenderStopsTheReplacement() throws Exception {
        Path output = folder.resolve("frames");
        OutputGuard earlier = OutputGuard.claim(output, OutputGuard.Shape.FOLDER, false, List.of());
        earlier.publishFolder(framesIn(earlier, "frame_000000.png"));
        assertTrue(Files.exists(output.resolve(".nitrate-output")));

        OutputGuard again = OutputGuard.claim(output, OutputGuard.Shape.FOLDER, true, List.of());
        Path fresh = framesIn(again, "frame_000007.png");
        Path note = Files.writeString(output.resolve("note.txt"), "written into the output folder during the render");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> again.publishFolder(fresh));
        assertTrue(refused.getMessage().contains("note.txt"), refused.getMessage());
        assertTrue(Files.exists(note) && Files.exists(output.resolve("frame_000000.png")), "nothing deleted");

        Files.delete(note);
        again.publishFolder(fresh);
        assertEquals(List.of(".nitrate-output", "frame_000007.png"), names(output));
        assertTrue(again.removeWorkFolder());
        assertFalse(Files.exists(again.workFolder()));
    }

    @Test
    void dotDotAfterALinkIsResolvedAsTheSystemDoes() throws Exception {
        Path archive = Files.createDirectories(folder.resolve("archive/reels"));
        Path film = Files.writeString(folder.resolve("archive/film.mp4"), "the only scan");
        Files.createSymbolicLink(folder.resolve("shortcut"), archive);
        Path typed = folder.resolve("shortcut/../film.mp4");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class,
                () -> OutputGuard.claim(typed, OutputGuard.Shape.FILE, true, List.of(ProtectedInput.file(film, "the film"))));
        assertTrue(refused.getMessage().contains("would replace the film"), refused.getMessage());

        Path besideTheLink = Files.writeString(folder.resolve("film.mp4"), "another scan, where the text of the path points");
        OutputGuard guard = OutputGuard.claim(typed, OutputGuard.Shape.FILE, true, List.of(ProtectedInput.file(besideTheLink, "the film")));
        assertEquals(folder.toRealPath().resolve("archive/film.mp4"), guard.target(), "written where the system resolves the path");
    }

    @Test
    void aFolderThatIsInputAsAWholeTakesNoOutputInside() {
        Path pack = folder.resolve("pack");
        assertThrows(OutputRefusedException.class, () -> {
            Files.createDirectories(pack);
            OutputGuard.claim(pack.resolve("out.mp4"), OutputGuard.Shape.FILE, false, List.of(ProtectedInput.folder(pack, "the pack")));
        });
    }

    private static Path framesIn(OutputGuard guard, String name) throws Exception {
        Path frames = Files.createDirectories(guard.openWorkFolder().resolve("frames"));
        Files.writeString(frames.resolve(name), "pixels");
        return frames;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
