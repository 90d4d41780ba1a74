package dev.nitrate.app;

import javafx.application.Application;

/**
 * Starts the editor. A plain class, so that it can be the main class on the classpath; {@code dev.nitrate.Main}
 * calls it when no command is given.
 *
 * <p>Arguments: an optional film, image folder or {@code .nitrate} project to open instead of the demo project.
 */
public final class EditorLauncher {

    private EditorLauncher() {}

    public static void main(String[] args) {
        Application.launch(NitrateApp.class, args);
    }
}
