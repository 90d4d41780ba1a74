package dev.nitrate.app.docs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * How the docs programs (screenshots, latency measurements) talk to the FX thread: run a call there and wait for
 * its answer, poll a condition there, take a screenshot.
 *
 * @param timeoutSeconds how long one call on the FX thread may take
 * @param pollMillis the pause between two looks at a condition
 */
record FxCalls(int timeoutSeconds, long pollMillis) {

    /** For the screenshot programs: patient calls, a look five times a second. */
    static final FxCalls SCREENSHOTS = new FxCalls(120, 200);
    /** For the latency programs: a look every 2 ms, so the waiting adds little to what is measured. */
    static final FxCalls MEASUREMENTS = new FxCalls(60, 2);

    /** Runs {@code action} on the FX thread and returns its result. */
    <T> T fx(Callable<T> action) throws Exception {
        return later(action).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on the FX thread, holds, or {@code seconds} have passed. */
    void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && !fx(condition::getAsBoolean)) {
            Thread.sleep(pollMillis);
        }
    }

    /** Queues {@code action} on the FX thread without waiting for it. */
    static <T> CompletableFuture<T> later(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Writes the scene as a PNG at {@code scale} times its layout size (the screen's own pixels at a UI scale). */
    void snapshot(Scene scene, double scale, Path file) throws Exception {
        WritableImage image = fx(() -> {
            SnapshotParameters at = new SnapshotParameters();
            at.setTransform(Transform.scale(scale, scale));
            return scene.getRoot().snapshot(at, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file + " " + (int) image.getWidth() + "x" + (int) image.getHeight());
    }
}
