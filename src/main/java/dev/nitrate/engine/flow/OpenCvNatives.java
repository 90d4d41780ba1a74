package dev.nitrate.engine.flow;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_video;

/**
 * Loads OpenCV's natives once. JavaCPP prints a version warning on the console when it loads the OpenBLAS
 * build OpenCV needs (0.3.31-1.5.13 beside JavaCPP 1.5.14, the newest pair that resolves, see the pom):
 * that line goes to the log instead; anything else printed meanwhile still reaches the console.
 */
final class OpenCvNatives {

    private static final System.Logger LOG = System.getLogger(OpenCvNatives.class.getName());
    private static boolean loaded;

    private OpenCvNatives() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        PrintStream console = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            Loader.load(opencv_video.class);
            loaded = true;
        } finally {
            System.setErr(console);
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("Versions of org.bytedeco:javacpp")) {
                    LOG.log(System.Logger.Level.INFO, "OpenCV natives: " + line.strip());
                } else if (!line.isBlank()) {
                    console.println(line);
                }
            }
        }
    }
}
