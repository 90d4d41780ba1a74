package dev.nitrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aFilmAloneOpensTheEditorAndACommandRunsTheCommandLine(@TempDir Path folder) throws Exception {
        Path film = Files.createFile(folder.resolve("reel_1.mp4"));
        assertEquals(Main.Route.EDITOR, Main.route(new String[] {film.toString()}));
        assertEquals(Main.Route.EDITOR, Main.route(new String[] {folder.toString()}));
        assertEquals(Main.Route.EDITOR, Main.route(new String[0]));
        assertEquals(Main.Route.COMMAND_LINE, Main.route(new String[] {"shots"}));
        assertEquals(Main.Route.COMMAND_LINE, Main.route(new String[] {"--help"}));
        assertEquals(Main.Route.COMMAND_LINE, Main.route(new String[] {"info", film.toString()}));
        assertEquals(Main.Route.MISSING_FILE, Main.route(new String[] {folder.resolve("missing.mp4").toString()}));
    }

    @Test
    void aMissingFilmAloneIsOneLineNotUnmatchedArgument() throws Exception {
        Process process = java("/nonexistent/reel_1.mov");
        String err = new String(process.getErrorStream().readAllBytes());
        assertEquals(1, process.waitFor());
        assertEquals("nitrate: /nonexistent/reel_1.mov: no such file, folder or command (see nitrate --help)", err.strip());
    }
}
