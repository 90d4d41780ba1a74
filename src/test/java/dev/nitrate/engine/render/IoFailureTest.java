package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoFailureTest {

    @Test
    void aFileProblemIsOneLineNamingTheFileAndTheProblem() {
        assertEquals("out.mp4: permission denied", IoFailure.line(new AccessDeniedException("out.mp4", null, "Access denied")));
        assertEquals("out.mp4: no space left on device", IoFailure.line(new FileSystemException("out.mp4", null, "No space left on device")));
        assertEquals("frames: no such file or folder", IoFailure.line(new NoSuchFileException("frames")));
    }

    @Test
    void theUsersFileIsNamedInsteadOfTheWorkFile() {
        IOException inWorkFolder = new FileSystemException(".nitrate-work/segments/0.mp4.part", null, "No space left on device");
        assertEquals("film.mp4: no space left on device", IoFailure.line(Path.of("film.mp4"), inWorkFolder));
        assertEquals("no space left on device", IoFailure.reason(inWorkFolder));
    }

    @Test
    void anIoProblemWithoutAFileKeepsItsMessage() {
        assertEquals("stream closed", IoFailure.line(new IOException("stream closed")));
    }
}
