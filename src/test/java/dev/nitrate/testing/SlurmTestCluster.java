package dev.nitrate.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm cluster from Debian's packages, started in a folder without systemd: munged
 * with its socket in a 0755 folder, slurmctld and slurmd on free ports, no accounting. {@link #close()}
 * stops the three daemons by the pids in their pid files.
 */
public final class SlurmTestCluster implements AutoCloseable {

    private static final List<String> PROGRAMS = List.of("mungekey", "munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "sinfo");

    private final Path folder;
    private final List<Path> pidFiles = new ArrayList<>();

    private SlurmTestCluster(Path folder) {
        this.folder = folder;
    }

    /** The Slurm and munge programs missing from this machine (empty when a cluster can start). */
    public static List<String> missingPrograms() {
        List<String> missing = new ArrayList<>();
        for (String program : PROGRAMS) {
            if (find(program).isEmpty()) {
                missing.add(program);
            }
        }
        return missing;
    }

    private static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** Starts munged, slurmctld and slurmd with everything under {@code folder} (made world-searchable, as munged requires). */
    public static SlurmTestCluster start(Path folder) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        SlurmTestCluster cluster = new SlurmTestCluster(folder);
        try {
            cluster.launch();
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void launch() throws IOException, InterruptedException {
        Path munge = Files.createDirectories(folder.resolve("munge"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(folder.resolve("state"));
        Files.createDirectories(folder.resolve("spool"));
        Path key = folder.resolve("munge.key");
        exec(List.of(program("mungekey"), "--create", "--keyfile=" + key));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        pidFiles.add(folder.resolve("munged.pid"));
        exec(List.of(program("munged"), "--key-file=" + key, "--socket=" + munge.resolve("munge.socket"), "--pid-file=" + folder.resolve("munged.pid"),
                "--seed-file=" + folder.resolve("munge.seed"), "--log-file=" + folder.resolve("munged.log")));
        String user = System.getProperty("user.name");
        String node = exec(List.of(program("slurmd"), "-C")).lines().filter(l -> l.startsWith("NodeName=")).findFirst()
                .orElseThrow(() -> new IOException("slurmd -C printed no NodeName line"));
        String conf = String.join("\n",
                "ClusterName=nitratetest", "SlurmctldHost=localhost", "SlurmUser=" + user, "SlurmdUser=" + user,
                "AuthType=auth/munge", "AuthInfo=socket=" + munge.resolve("munge.socket"),
                "SlurmctldPort=" + freePort(), "SlurmdPort=" + freePort(),
                "StateSaveLocation=" + folder.resolve("state"), "SlurmdSpoolDir=" + folder.resolve("spool"),
                "SlurmctldPidFile=" + folder.resolve("slurmctld.pid"), "SlurmdPidFile=" + folder.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + folder.resolve("slurmctld.log"), "SlurmdLogFile=" + folder.resolve("slurmd.log"),
                "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core", "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none",
                "AccountingStorageType=accounting_storage/none", "JobAcctGatherType=jobacct_gather/none", "JobCompType=jobcomp/none",
                "MailProg=/bin/true", "ReturnToService=2", "DependencyParameters=kill_invalid_depend", "MpiDefault=none", "KillWait=5",
                node, "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP", "");
        Files.writeString(conf(), conf, StandardCharsets.UTF_8);
        pidFiles.add(folder.resolve("slurmctld.pid"));
        exec(List.of(program("slurmctld"), "-f", conf().toString()));
        pidFiles.add(folder.resolve("slurmd.pid"));
        exec(List.of(program("slurmd"), "-f", conf().toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!exec(List.of(program("sinfo"), "-h", "-o", "%t")).contains("idle")) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the test cluster's node did not become idle: " + Files.readString(folder.resolve("slurmd.log")));
            }
            Thread.sleep(200);
        }
    }

    /** The slurm.conf every client command needs in {@code SLURM_CONF}. */
    public Path conf() {
        return folder.resolve("slurm.conf");
    }

    /** Sets {@code SLURM_CONF} for a process about to start. */
    public ProcessBuilder configure(ProcessBuilder builder) {
        builder.environment().put("SLURM_CONF", conf().toString());
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return builder;
    }

    /** Runs a client or daemon command with this cluster's configuration; its output, or an exception with it when it fails. */
    public String exec(List<String> command) throws IOException, InterruptedException {
        Process process = configure(new ProcessBuilder(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** The ids of the jobs still in the queue among {@code jobs} (array tasks count under their array's id). */
    public List<String> queued(List<String> jobs) throws IOException, InterruptedException {
        String output = exec(List.of(program("squeue"), "-h", "-o", "%F", "-j", String.join(",", jobs)));
        return output.lines().map(String::trim).filter(l -> !l.isEmpty()).distinct().toList();
    }

    /** Waits until none of {@code jobs} is in the queue. */
    public void awaitGone(List<String> jobs, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!queued(jobs).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("jobs " + jobs + " still queued after " + seconds + " s: " + exec(List.of(program("squeue"))));
            }
            Thread.sleep(300);
        }
    }

    public static String program(String name) {
        return find(name).map(Path::toString).orElse(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops slurmd, slurmctld and munged by the pids in their pid files (last started first). */
    @Override
    public void close() {
        for (int i = pidFiles.size() - 1; i >= 0; i--) {
            Path pidFile = pidFiles.get(i);
            try {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroy();
                    try {
                        process.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
            } catch (IOException | NumberFormatException e) {
                // the daemon never wrote its pid file: it did not start
            }
        }
    }

    /** The environment a process needs to reach this cluster. */
    public Map<String, String> environment() {
        return Map.of("SLURM_CONF", conf().toString());
    }
}
