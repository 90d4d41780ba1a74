package dev.nitrate.app.docs;

import dev.nitrate.app.Composition;
import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.MainWindow;
import dev.nitrate.app.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures scrubbing in the real editor window: drags the playhead in 60 Hz steps (as mouse events arrive) across
 * a stretch of film, stops, and times how long the frame under the playhead takes to appear.
 * {@code ScrubLatency <film> [drags]}; prints each latency and the median, 95th percentile and maximum.
 */
public final class ScrubLatency {

    private static final FxCalls FX = FxCalls.MEASUREMENTS;

    public static void main(String[] args) throws Exception {
        Path film = Path.of(args[0]);
        int drags = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Platform.startup(() -> { });
        Services services = Composition.create(Files.createTempDirectory("nitrate-scrub"));
        EditorViewModel editor = FX.fx(() -> new EditorViewModel(services, Platform::runLater));
        FX.fx(() -> {
            new MainWindow(editor, new Stage()).show();
            return editor.openFilm(film);
        });
        FX.waitFor(() -> !editor.detectingShotsProperty().get() && editor.shownFrameProperty().get() != null, 120);
        int frames = FX.fx(() -> editor.timeline().frameCountProperty().get());
        Random random = new Random(7);
        List<Long> latencies = new ArrayList<>();
        for (int drag = 0; drag < drags; drag++) {
            int from = FX.fx(() -> editor.timeline().currentFrameProperty().get());
            int to = random.nextInt(frames);
            int steps = 20;
            for (int s = 1; s <= steps; s++) {
                int frame = from + (to - from) * s / steps;
                FX.fx(() -> {
                    editor.timeline().seek(frame);
                    return null;
                });
                Thread.sleep(16);
            }
            long stopped = System.nanoTime();
            int target = to;
            FX.waitFor(() -> Integer.valueOf(target).equals(editor.shownFrameProperty().get()), 10);
            long latency = (System.nanoTime() - stopped) / 1_000_000;
            latencies.add(latency);
            System.out.printf("drag %2d: %4d -> %4d shown after %d ms%n", drag, from, to, latency);
            Thread.sleep(300);
        }
        Collections.sort(latencies);
        System.out.printf("film %s: %d drags, latency after the last step: median %d ms, p95 %d ms, max %d ms%n", film.getFileName(),
                drags, latencies.get(drags / 2), latencies.get((int) Math.ceil(drags * 0.95) - 1), latencies.get(drags - 1));
        Platform.exit();
        System.exit(0);
    }
}
