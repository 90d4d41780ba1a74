package dev.nitrate.bench;

import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reproducibility of real renders with the built-in pack, through the command line of a built jar: for each
 * output kind (MP4, PNG folder) it renders one generated film the same way {@code --repeats} times and counts
 * identical outputs, then kills one render {@code --kills} times with SIGKILL at random moments (a quarter of them
 * during start-up, the rest while it colorizes and assembles), resuming it
 * each time with the same command, and compares every finished output byte for byte with the first render
 * (a run that finishes before its kill, or is killed after publishing its output, is set aside and the next
 * run continues from what the work folder holds).
 *
 * <p>Usage (after {@code mvn -o -q -B package -DskipTests} and {@code mvn -o -q -B test-compile}):
 * {@code java -cp "target/test-classes:target/classes:target/lib/*" dev.nitrate.bench.KillResumeCheck
 * [--jar target/nitrate.jar] [--kills 20] [--repeats 12] [--size 160x96] [--frames 180] [--segment-frames 20]
 * [--formats mp4,png] [--seed N]}. Exit code 0 when every output is identical, 1 otherwise.
 */
public final class KillResumeCheck {

    private final Path jar;
    private final Path folder;
    private final Path film;
    private final Path exemplar;
    private final int frames;
    private final int segmentFrames;
    private final Random random;

    private KillResumeCheck(Path jar, Path folder, Path film, Path exemplar, int frames, int segmentFrames, Random random) {
        this.jar = jar;
        this.folder = folder;
        this.film = film;
        this.exemplar = exemplar;
        this.frames = frames;
        this.segmentFrames = segmentFrames;
        this.random = random;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--jar", "target/nitrate.jar", "--kills", "20", "--repeats", "12", "--size", "160x96",
                "--frames", "180", "--segment-frames", "20", "--formats", "mp4,png", "--seed", Long.toString(System.nanoTime())));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(options.get("--jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + ": no such jar; build it with mvn -o -q -B package -DskipTests");
        }
        String[] size = options.get("--size").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = Integer.parseInt(options.get("--frames"));
        Path folder = Files.createTempDirectory("nitrate-kill-resume");
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), width, height, frames, new Rational(24000, 1001));
        Path exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 60, 140, 210);
        long seed = Long.parseLong(options.get("--seed"));
        System.out.printf(Locale.ROOT, "film %dx%d, %d frames, segments of %s frames, built-in pack, seed %d, jar %s%n", width, height, frames,
                options.get("--segment-frames"), seed, jar);
        KillResumeCheck check = new KillResumeCheck(jar, folder, film, exemplar, frames, Integer.parseInt(options.get("--segment-frames")), new Random(seed));
        boolean allIdentical = true;
        try {
            for (String format : options.get("--formats").split(",")) {
                allIdentical &= check.run(format.trim(), Integer.parseInt(options.get("--repeats")), Integer.parseInt(options.get("--kills")));
            }
        } finally {
            deleteTree(folder);
        }
        System.out.println(allIdentical ? "RESULT: every output identical" : "RESULT: outputs differ");
        System.exit(allIdentical ? 0 : 1);
    }

    private boolean run(String format, int repeats, int kills) throws Exception {
        String name = format.equals("mp4") ? "out.mp4" : "out-frames";
        Path output = folder.resolve(name);
        Map<String, Integer> digests = new TreeMap<>();
        String reference = null;
        List<Long> renderNanos = new ArrayList<>();
        List<Long> startupNanos = new ArrayList<>();
        for (int attempt = 0; attempt < repeats; attempt++) {
            long started = System.nanoTime();
            Process process = start(output, format).start();
            StringBuilder stderr = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("nitrate: device")) {
                        startupNanos.add(System.nanoTime() - started);
                    }
                    stderr.append(line).append('\n');
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("render failed: " + stderr);
            }
            renderNanos.add(System.nanoTime() - started);
            String digest = digest(output);
            reference = reference == null ? digest : reference;
            digests.merge(digest, 1, Integer::sum);
            moveAway(output, "repeat-" + attempt + "-" + name);
        }
        long renderMedian = median(renderNanos);
        long startupMedian = median(startupNanos);
        int largestGroup = digests.values().stream().max(Integer::compare).orElse(0);
        System.out.printf(Locale.ROOT, "%s: %d renders of the same command: %d/%d byte-identical (%d distinct outputs); median %.1f s a render, %.1f s"
                + " of it before colorizing%n", format, repeats, largestGroup, repeats, digests.size(), renderMedian / 1e9, startupMedian / 1e9);

        int killed = 0;
        int runs = 0;
        int finishedBeforeKill = 0;
        int killedWhileCleaningUp = 0;
        int finishedOutputs = 0;
        int resumedIdentical = 0;
        List<Long> resumePoints = new ArrayList<>();
        Path checkpoint = folder.resolve("." + name + ".nitrate-work").resolve("checkpoint.bin");
        while (killed < kills && runs < 3 * kills) {
            long resumeAt = nextFrame(checkpoint);
            resumePoints.add(resumeAt);
            double workNanos = (renderMedian - startupMedian) * (frames - resumeAt) / (double) frames;
            double delayNanos = random.nextDouble() < 0.25 ? random.nextDouble() * startupMedian : startupMedian + random.nextDouble() * workNanos;
            long delayMillis = (long) (delayNanos / 1e6);
            Process process = start(output, format).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            runs++;
            if (process.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
                finishedBeforeKill++;
                finishedOutputs++;
                resumedIdentical += process.exitValue() == 0 && digest(output).equals(reference) ? 1 : 0;
                moveAway(output, "finished-" + runs + "-" + name);
                continue;
            }
            process.destroyForcibly();
            process.waitFor();
            killed++;
            if (Files.exists(output)) {
                killedWhileCleaningUp++;
                resumedIdentical += digest(output).equals(reference) ? 1 : 0;
                finishedOutputs++;
                moveAway(output, "killed-after-publishing-" + runs + "-" + name);
            }
        }
        Process finish = start(output, format).start();
        String stderr = new String(finish.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (finish.waitFor() != 0) {
            throw new IllegalStateException("the resumed render failed: " + stderr);
        }
        runs++;
        resumedIdentical += digest(output).equals(reference) ? 1 : 0;
        int resumedOutputs = finishedOutputs + 1;
        System.out.printf(Locale.ROOT, "%s: %d SIGKILLs at random moments across %d runs (resumed at frames %s); %d/%d finished outputs byte-identical"
                + " to the first uninterrupted render (%d runs finished before their kill came, %d were killed after publishing the output)%n",
                format, killed, runs, resumePoints, resumedIdentical, resumedOutputs, finishedBeforeKill, killedWhileCleaningUp);
        return resumedIdentical == resumedOutputs && killed == kills && largestGroup == repeats;
    }

    private ProcessBuilder start(Path output, String format) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "colorize", film.toString(), "-e", exemplar.toString(),
                "-o", output.toString(), "--segment-frames", Integer.toString(segmentFrames)));
        if (format.equals("png")) {
            command.addAll(List.of("--format", "png"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return builder;
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
    }

    /** The frame a resumed run starts from, read from the work folder's checkpoint (0 when there is none). */
    private static long nextFrame(Path checkpoint) throws IOException {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(checkpoint))) {
            in.readUTF();
            in.readUTF();
            return in.readLong();
        }
    }

    /** SHA-256 of a file, or of a folder's file names and contents in name order. */
    private static String digest(Path output) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (Files.isDirectory(output)) {
            try (Stream<Path> files = Files.list(output)) {
                for (Path file : files.sorted().toList()) {
                    sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            }
        } else {
            sha.update(Files.readAllBytes(output));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Moves a finished output out of the way, with its provenance record when it has one (a kill may come between the two). */
    private void moveAway(Path output, String newName) throws java.io.IOException {
        Files.move(output, folder.resolve(newName));
        Path record = dev.nitrate.engine.safety.OutputGuard.recordFileOf(output);
        if (Files.exists(record)) {
            Files.move(record, folder.resolve(newName + ".nitrate.json"));
        }
    }
}
