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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures what the viewer shows in the real editor window, by watching its picture change:
 * <ul>
 *   <li>jumps: the playhead set once to a random frame; time to the first new picture and to the exact frame;
 *   <li>drags: the playhead moved in 60 Hz steps for a second; pictures shown during the drag, and the time from the
 *       last step to the exact frame;
 *   <li>playback: Play from frame 0 for some seconds; distinct pictures shown per second.
 * </ul>
 * Jumps count the exact frame when the viewer shows it at all (the proxy's picture counts) and again when the film's own
 * picture of it is shown (at full view size, the moment the viewer records its scrub latency). With proxies on (the default) it first waits for the film's proxy and says how long
 * that took ({@code -Dlatency.noProxyWait=true} jumps at once; {@code -Dnitrate.proxies=false} measures without proxies).
 * {@code PlaybackLatency FILM [jumps] [drags] [seconds]}; prints medians and 95th percentiles.
 */
public final class PlaybackLatency {

    private static final FxCalls FX = FxCalls.MEASUREMENTS;

    public static void main(String[] args) throws Exception {
        Path film = Path.of(args[0]);
        int jumps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int drags = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Platform.startup(() -> { });
        Path appData = Files.createTempDirectory("nitrate-playback");
        Services services = Composition.create(appData);
        EditorViewModel editor = FX.fx(() -> new EditorViewModel(services, Platform::runLater));
        AtomicLong firstPicture = new AtomicLong();
        AtomicInteger pictures = new AtomicInteger();
        AtomicLong fullPicture = new AtomicLong();
        FX.fx(() -> {
            editor.lastScrubLatencyNanosProperty().addListener((o, a, b) -> fullPicture.set(System.nanoTime()));
            new MainWindow(editor, new Stage()).show();
            editor.sourceImageProperty().addListener((o, a, b) -> {
                if (b != null) {
                    firstPicture.compareAndSet(0, System.nanoTime());
                    pictures.incrementAndGet();
                }
            });
            return editor.openFilm(film);
        });
        long opened = System.nanoTime();
        FX.waitFor(() -> !editor.detectingShotsProperty().get() && editor.shownFrameProperty().get() != null, 300);
        int frames = FX.fx(() -> editor.timeline().frameCountProperty().get());
        if (!Boolean.getBoolean("latency.noProxyWait") && Boolean.parseBoolean(System.getProperty("nitrate.proxies", "true"))) {
            Path proxies = appData.resolve("proxies");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < end && !proxyPublished(proxies)) {
                Thread.sleep(100);
            }
            System.out.printf("proxy %s %.1f s after opening%n", proxyPublished(proxies) ? "ready" : "NOT ready", (System.nanoTime() - opened) / 1e9);
        }
        Random random = new Random(11);

        List<Long> first = new ArrayList<>();
        List<Long> exact = new ArrayList<>();
        List<Long> exactFull = new ArrayList<>();
        for (int jump = 0; jump < jumps; jump++) {
            int target = random.nextInt(frames);
            if (target == FX.fx(() -> editor.timeline().currentFrameProperty().get())) {
                continue;
            }
            long start = System.nanoTime();
            firstPicture.set(0);
            fullPicture.set(0);
            FX.fx(() -> {
                editor.timeline().seek(target);
                return null;
            });
            FX.waitFor(() -> Integer.valueOf(target).equals(editor.shownFrameProperty().get()), 20);
            long done = System.nanoTime();
            FX.waitFor(() -> Integer.valueOf(target).equals(editor.shownFrameProperty().get()) && fullPicture.get() > start, 20);
            exactFull.add((System.nanoTime() - start) / 1_000_000);
            exact.add((done - start) / 1_000_000);
            first.add((Math.min(done, firstPicture.get() == 0 ? done : firstPicture.get()) - start) / 1_000_000);
            Thread.sleep(400);
        }
        System.out.printf("jumps on %s: %d; first picture median %d ms, p95 %d ms; exact frame median %d ms, p95 %d ms;"
                + " the film's own picture of it (full size) median %d ms, p95 %d ms%n", film.getFileName(), exact.size(), median(first), p95(first),
                median(exact), p95(exact), median(exactFull), p95(exactFull));

        List<Long> afterDrag = new ArrayList<>();
        List<Integer> shownDuring = new ArrayList<>();
        for (int drag = 0; drag < drags; drag++) {
            int from = FX.fx(() -> editor.timeline().currentFrameProperty().get());
            int to = random.nextInt(frames);
            pictures.set(0);
            for (int s = 1; s <= 60; s++) {
                int frame = from + (to - from) * s / 60;
                FX.fx(() -> {
                    editor.timeline().seek(frame);
                    return null;
                });
                Thread.sleep(16);
            }
            shownDuring.add(pictures.get());
            long stopped = System.nanoTime();
            FX.waitFor(() -> Integer.valueOf(to).equals(editor.shownFrameProperty().get()), 20);
            afterDrag.add((System.nanoTime() - stopped) / 1_000_000);
            Thread.sleep(400);
        }
        List<Long> during = shownDuring.stream().map(Integer::longValue).sorted().toList();
        System.out.printf("drags of 1 s on %s: %d; pictures shown during a drag median %d (min %d); exact frame after the last step"
                + " median %d ms, p95 %d ms%n", film.getFileName(), drags, median(during), during.get(0), median(afterDrag), p95(afterDrag));

        FX.fx(() -> {
            editor.timeline().seek(0);
            return null;
        });
        FX.waitFor(() -> Integer.valueOf(0).equals(editor.shownFrameProperty().get()), 20);
        Thread.sleep(500);
        AtomicInteger distinct = new AtomicInteger();
        FX.fx(() -> {
            editor.shownFrameProperty().addListener((o, a, b) -> distinct.incrementAndGet());
            editor.timeline().togglePlay();
            return null;
        });
        Thread.sleep(seconds * 1000L);
        int reached = FX.fx(() -> editor.timeline().currentFrameProperty().get());
        String status = FX.fx(() -> playbackStatus(editor));
        FX.fx(() -> {
            editor.timeline().stop();
            return null;
        });
        double rate = FX.fx(() -> editor.timeline().framesPerSecondProperty().get());
        System.out.printf("playback on %s (%.3f fps): %d frames shown in %d s = %.1f frames/s; playhead reached frame %d; status \"%s\"%n",
                film.getFileName(), rate, distinct.get(), seconds, distinct.get() / (double) seconds, reached, status);
        Platform.exit();
        System.exit(0);
    }

    /** Whether the proxy cache holds a finished proxy (a published file, no work folder left). */
    private static boolean proxyPublished(Path proxies) throws java.io.IOException {
        if (!Files.isDirectory(proxies)) {
            return false;
        }
        try (var entries = Files.list(proxies)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".nut")) && names.stream().noneMatch(n -> n.endsWith(".nitrate-work"));
        }
    }

    /** The editor's playback status line, or "none" for an editor that has none (to measure older builds). */
    private static String playbackStatus(EditorViewModel editor) {
        try {
            return editor.playbackStatusProperty().get();
        } catch (NoSuchMethodError e) {
            return "none";
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
