package dev.nitrate;

import dev.nitrate.cli.ColorizerProvider;
import dev.nitrate.cli.NitrateCli;
import dev.nitrate.engine.natives.NativeCache;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of {@code nitrate.jar}: with a command it runs the command line; with none, or with only a
 * film, image folder or project ({@code nitrate FILM}), it opens the editor on it.
 */
public final class Main {

    static final String EDITOR_LAUNCHER = "dev.nitrate.app.EditorLauncher";
    private static final String JAVAFX_CACHE_DIR = "javafx.cachedir";

    private Main() {}

    public static void main(String[] args) {
        switch (route(args)) {
            case EDITOR -> {
                useNativeCache();
                System.exit(openEditor(args));
            }
            case MISSING_FILE -> {
                System.err.println("nitrate: " + args[0] + ": no such file, folder or command (see nitrate --help)");
                System.exit(1);
            }
            case COMMAND_LINE -> System.exit(runCommandLine(args, ColorizerProvider.engine()));
        }
    }

    /** Where the arguments go. */
    enum Route { EDITOR, COMMAND_LINE, MISSING_FILE }

    /**
     * No arguments, or one that is neither an option nor a command and names an existing file or folder,
     * open the editor; one such argument that names nothing is a missing file; the rest is the command line.
     */
    static Route route(String[] args) {
        if (args.length == 0) {
            return Route.EDITOR;
        }
        if (args.length > 1 || args[0].startsWith("-") || NitrateCli.commandNames().contains(args[0])) {
            return Route.COMMAND_LINE;
        }
        return Files.exists(Path.of(args[0])) ? Route.EDITOR : Route.MISSING_FILE;
    }

    /** Sets up the cache folder and the log, then runs the command line with the given engine on the console; returns its exit code. */
    public static int runCommandLine(String[] args, ColorizerProvider engine) {
        useNativeCache();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return new NitrateCli(engine).run(args, out, err);
    }

    /**
     * Before anything loads ONNX Runtime, JavaCPP or JavaFX: their native libraries go to the cache folder, not the
     * temporary folder, and the log to {@link LogFile} in it.
     */
    static void useNativeCache() {
        NativeCache.Setup setup = NativeCache.install();
        LogFile.install(setup.folder());
        if (System.getProperty(JAVAFX_CACHE_DIR) == null) {
            System.setProperty(JAVAFX_CACHE_DIR, setup.folder().resolve("openjfx").toString());
        }
    }

    private static int openEditor(String[] args) {
        try {
            Class.forName(EDITOR_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
            return 0;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("nitrate: this build has no editor (" + EDITOR_LAUNCHER + " is missing); run 'nitrate --help' for the command line");
            return 1;
        } catch (InvocationTargetException e) {
            System.err.println("nitrate: the editor failed to start: " + e.getCause());
            return 1;
        } catch (IllegalAccessException e) {
            System.err.println("nitrate: the editor cannot be started: " + e);
            return 1;
        }
    }
}
