package dev.nitrate.engine.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Slurm side of a render in parts: a job array of {@code render-part} tasks (one per part, the
 * array index is the part) and an {@code assemble} job that runs only after every task succeeded
 * ({@code afterok}). The scripts are given to {@code sbatch} on its standard input; Slurm does the scheduling.
 *
 * @param launcher the command that runs Nitrate on a node, e.g. {@code '/usr/bin/java' -jar '/opt/nitrate/nitrate.jar'}
 * @param jobName the Slurm job name
 * @param partition {@code --partition}, if any
 * @param gpusPerTask {@code --gpus-per-task}, if any
 * @param time {@code --time}, if any
 * @param cpusPerTask {@code --cpus-per-task}, if any
 */
public record SlurmScripts(String launcher, String jobName, Optional<String> partition, Optional<Integer> gpusPerTask, Optional<String> time,
        Optional<Integer> cpusPerTask) {

    /** The job ids of a submission. */
    public record Submitted(String partsJob, String assembleJob) {}

    /** The task script of the parts in {@code indexes} of the plan in {@code planFile}. */
    public String partsScript(Path planFile, List<Integer> indexes) {
        StringBuilder text = header(jobName);
        text.append("#SBATCH --array=").append(indexes.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        gpusPerTask.ifPresent(n -> text.append("#SBATCH --gpus-per-task=").append(n).append('\n'));
        return text.append(body("render-part " + quote(planFile.toString()) + " --index \"$SLURM_ARRAY_TASK_ID\"")).toString();
    }

    /** The script of the assembly of the plan in {@code planFile} (submitted with {@code --dependency=afterok:PARTS}). */
    public String assembleScript(Path planFile) {
        return header(jobName + "-assemble").append(body("assemble " + quote(planFile.toString()))).toString();
    }

    private StringBuilder header(String name) {
        StringBuilder text = new StringBuilder("#!/bin/bash\n");
        text.append("#SBATCH --job-name=").append(name).append('\n');
        partition.ifPresent(p -> text.append("#SBATCH --partition=").append(p).append('\n'));
        time.ifPresent(t -> text.append("#SBATCH --time=").append(t).append('\n'));
        cpusPerTask.ifPresent(n -> text.append("#SBATCH --cpus-per-task=").append(n).append('\n'));
        return text;
    }

    private String body(String command) {
        return "export ORT_DISABLE_TELEMETRY=1\nexec " + launcher + " " + command + "\n";
    }

    /** Submits the parts and, depending on them, the assembly; {@code sbatch} is run in {@code workingDirectory} (where Slurm writes its logs). */
    public Submitted submit(Path planFile, List<Integer> indexes, Path workingDirectory) throws PlanException {
        String parts = sbatch(partsScript(planFile, indexes), List.of(), workingDirectory);
        String assemble = sbatch(assembleScript(planFile), List.of("--dependency=afterok:" + parts), workingDirectory);
        return new Submitted(parts, assemble);
    }

    private static String sbatch(String script, List<String> options, Path workingDirectory) throws PlanException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(options);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PlanException("sbatch cannot be run (" + e.getMessage() + "); is this a Slurm login node? Try --dry-run to see the scripts", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new PlanException("sbatch stopped reading the script (" + e.getMessage() + ")", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new PlanException("sbatch refused the job: " + output.lines().reduce((a, b) -> b).orElse("(no message)"));
            }
            String last = output.lines().reduce((a, b) -> b).orElse("");
            String id = last.split(";")[0].trim();
            if (!id.matches("\\d+")) {
                throw new PlanException("sbatch answered without a job id: " + last);
            }
            return id;
        } catch (IOException e) {
            throw new PlanException("sbatch failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanException("interrupted while submitting", e);
        }
    }

    /**
     * Why {@code folder} looks local to this machine rather than shared with the nodes (under {@code /tmp},
     * {@code /var/tmp} or {@code /dev/shm}, or on a tmpfs), or empty when nothing says so.
     */
    public static Optional<String> localFolderWarning(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (String local : List.of("/tmp", "/var/tmp", "/dev/shm")) {
            if (absolute.startsWith(local)) {
                return Optional.of(absolute + " is under " + local + ", which is usually local to each machine; every node must see the"
                        + " output's folder (a shared file system such as NFS, Lustre or CephFS)");
            }
        }
        try {
            FileStore store = Files.getFileStore(absolute);
            if (store.type().equals("tmpfs")) {
                return Optional.of(absolute + " is on a tmpfs (memory of this machine); every node must see the output's folder");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code text} as one shell word. */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
