package dev.nitrate.app.docs;

import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times the engine's reader alone on jumps (no window): from frame 0 to a random frame, the exact read ({@code read}) and,
 * where the reader has it, the viewer's read ({@code readForDisplay} at 1920). {@code JumpDecodeTiming FILM [jumps]}.
 */
public final class JumpDecodeTiming {

    public static void main(String[] args) throws Exception {
        Path film = Path.of(args[0]);
        int jumps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Long> exact = new ArrayList<>();
        List<Long> display = new ArrayList<>();
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            Random random = new Random(11);
            for (int jump = 0; jump < jumps; jump++) {
                int target = random.nextInt((int) reader.info().frameCount());
                reader.read(reader.info().frameCount() - 1);
                reader.read(0);
                long start = System.nanoTime();
                reader.read(target);
                exact.add((System.nanoTime() - start) / 1_000_000);
                try {
                    reader.read(reader.info().frameCount() - 1);
                    reader.read(0);
                    start = System.nanoTime();
                    reader.readForDisplay(target, 1920, 1920, () -> false);
                    display.add((System.nanoTime() - start) / 1_000_000);
                } catch (NoSuchMethodError olderEngine) {
                    // an engine without readForDisplay: only the exact read is timed
                }
            }
        }
        System.out.printf("jump decoding on %s: %d jumps; exact read median %d ms, p95 %d ms%s%n", film.getFileName(), exact.size(),
                median(exact), p95(exact), display.isEmpty() ? "" : String.format("; read for display median %d ms, p95 %d ms", median(display), p95(display)));
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
