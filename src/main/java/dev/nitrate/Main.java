package dev.nitrate;

import dev.nitrate.cli.NitrateCli;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code nitrate.jar}: with arguments it runs the command line; with none it opens the editor.
 */
public final class Main {

    static final String EDITOR_LAUNCHER = "dev.nitrate.app.EditorLauncher";

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(openEditor(args));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(NitrateCli.run(args, out, err));
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
