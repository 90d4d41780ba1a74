package dev.nitrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    private static Process java(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), "dev.nitrate.Main"));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).start();
    }

    @Test
    void withArgumentsRunsTheCommandLine() throws Exception {
        Process process = java("--help");
        String out = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor());
        assertTrue(out.contains("colorize") && out.contains("info") && out.contains("shots"), out);
    }

    @Test
    void aBadFilmExitsNonZeroWithOneLine() throws Exception {
        Process process = java("info", "/nonexistent/film.mov");
        String err = new String(process.getErrorStream().readAllBytes());
        assertEquals(1, process.waitFor());
        assertEquals("nitrate: /nonexistent/film.mov: no such file", err.strip());
    }
}
