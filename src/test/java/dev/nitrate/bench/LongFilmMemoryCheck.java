package dev.nitrate.bench;

import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.Progress;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a long generated film (default 6000 frames at 320x180) and prints the process's resident
 * memory every 500 frames, to show that a render's memory stays flat.
 * Usage: {@code java -Xmx512m -cp target/test-classes:target/classes:LIBS dev.nitrate.bench.LongFilmMemoryCheck [FRAMES]}
 */
public final class LongFilmMemoryCheck {

    private LongFilmMemoryCheck() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        Path folder = Files.createTempDirectory("nitrate-long");
        Path film = TestMedia.writeVideo(folder.resolve("long.mp4"), "mp4", dev.nitrate.engine.video.VideoCodec.H264, 320, 180, frames,
                new Rational(25, 1), i -> TestMedia.numberedGrayFrame(i, 320, 180));
        System.out.printf(Locale.ROOT, "film: %d frames 320x180; RSS before render %d MiB%n", frames, rssMiB("VmRSS"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 120, 60);
        RenderRequest request = Renders.request(film, List.of(PinnedExemplar.parse(exemplar.toString())), folder.resolve("out.mp4"),
                OutputFormat.H264, false, Optional.empty(), RenderRequest.DEFAULT_SEGMENT_FRAMES);
        long started = System.nanoTime();
        RenderOutcome outcome = new RenderJob(request, new MeanChromaColorizerFactory(), new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING && progress.done() % 500 == 0) {
                    Runtime runtime = Runtime.getRuntime();
                    System.out.printf(Locale.ROOT, "frame %5d  RSS %4d MiB  heap used %4d MiB  %.1f fps%n", progress.done(), rssMiB("VmRSS"),
                            (runtime.totalMemory() - runtime.freeMemory()) >> 20, progress.framesPerSecond());
                }
            }
        }).run();
        System.out.printf(Locale.ROOT, "%s in %.1f s; peak RSS (VmHWM) %d MiB%n", outcome.getClass().getSimpleName(),
                (System.nanoTime() - started) / 1e9, rssMiB("VmHWM"));
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static long rssMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
