package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.cli.CliRunner.Result;
import dev.nitrate.engine.cluster.SlurmScripts;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.SlurmTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nitrate slurm} on a real single-node Slurm cluster started by the test: the assembled film is
 * byte-identical to a single-machine render, also after one array task is cancelled mid-part and
 * resubmitted alone. Skipped where Slurm and munge are not installed ({@code .ci/run} installs them).
 */
class SlurmRenderTest {

    private static final Pattern SUBMITTED = Pattern.compile("as job array (\\d+) and the assembly as job (\\d+)");

    @TempDir
    Path folder;

    private SlurmTestCluster cluster;
    private Path film;
    private Path exemplar;

    @BeforeEach
    void startCluster() throws Exception {
        List<String> missing = SlurmTestCluster.missingPrograms();
        Assumptions.assumeTrue(missing.isEmpty(), "Slurm is not installed here (missing " + missing
                + "); install slurmctld slurmd slurm-client munge, as .ci/run does, to run this test");
        cluster = SlurmTestCluster.start(folder);
        film = ClusterRenderTest.threeShotFilm(folder.resolve("film.mp4"));
        exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
    }

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Path reference() {
        Path reference = folder.resolve("reference.mp4");
        List<String> args = new ArrayList<>(List.of("colorize", film.toString(), "-e", exemplar.toString()));
        args.addAll(ClusterRenderTest.renderOptions(reference));
        Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        return reference;
    }

    /** The test build of Nitrate (the deterministic test colorizer), slowed down per frame so that a task can be caught mid-part. */
    private static String launcher(int frameDelayMillis) {
        return SlurmScripts.quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -Xmx256m -cp "
                + SlurmScripts.quote(System.getProperty("java.class.path")) + " -Dnitrate.test.frameDelayMs=" + frameDelayMillis
                + " dev.nitrate.testing.MeanChromaMain";
    }

    private String nitrate(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "dev.nitrate.testing.MeanChromaMain"));
        command.addAll(args);
        Process process = cluster.configure(new ProcessBuilder(command)).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private List<String> submit(Path output, int frameDelayMillis) throws Exception {
        List<String> args = new ArrayList<>(List.of("slurm", film.toString(), "-e", exemplar.toString(), "--parts", "3", "--launcher", launcher(frameDelayMillis)));
        args.addAll(ClusterRenderTest.renderOptions(output));
        String printed = nitrate(args);
        Matcher ids = SUBMITTED.matcher(printed);
        assertTrue(ids.find(), printed);
        assertTrue(printed.contains("warning: " + folder + " is under /tmp") || !folder.startsWith("/tmp"), printed);
        return List.of(ids.group(1), ids.group(2));
    }

    @Test
    void aFilmRenderedOnSlurmEqualsTheSingleMachineRender() throws Exception {
        Path reference = reference();
        Path output = folder.resolve("slurm.mp4");
        List<String> jobs = submit(output, 0);
        cluster.awaitGone(jobs, 180);
        assertTrue(Files.exists(output), "the assembly ran: " + logs());
        ResumeAfterKillTest.assertSameBytes(reference, output);
        assertFalse(Files.exists(folder.resolve(".slurm.mp4.nitrate-work")));
    }

    @Test
    void aTaskCancelledMidPartIsResubmittedAloneAndTheResultStillMatches() throws Exception {
        Path reference = reference();
        Path output = folder.resolve("resumed.mp4");
        List<String> jobs = submit(output, 250);
        Path work = folder.resolve(".resumed.mp4.nitrate-work");
        Path checkpoint = work.resolve("parts").resolve("part-0001.checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(checkpoint), "part 1 wrote its first checkpoint: " + logs());
        cluster.exec(List.of(SlurmTestCluster.program("scancel"), jobs.get(0) + "_1"));
        cluster.awaitGone(jobs, 120);
        assertFalse(Files.exists(output), "the assembly must not run after a part failed");
        assertFalse(Files.exists(work.resolve("parts").resolve("part-0001.done")), "part 1 was cut short");
        assertTrue(Files.exists(work.resolve("parts").resolve("part-0000.done")) && Files.exists(work.resolve("parts").resolve("part-0002.done")));

        String printed = nitrate(List.of("slurm", "--resume", work.resolve("plan.json").toString(), "--index", "1", "--launcher", launcher(0)));
        Matcher ids = SUBMITTED.matcher(printed);
        assertTrue(ids.find(), printed);
        List<String> again = List.of(ids.group(1), ids.group(2));
        cluster.awaitGone(again, 180);
        String partLog = Files.readString(folder.resolve("slurm-" + again.get(0) + "_1.out"));
        assertTrue(partLog.contains("resuming part 1 (frames 10-19) at frame"), partLog);
        ResumeAfterKillTest.assertSameBytes(reference, output);
    }

    private String logs() throws Exception {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("slurm-")).sorted().toList()) {
                text.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return text.toString();
    }
}
