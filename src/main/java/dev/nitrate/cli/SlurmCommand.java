package dev.nitrate.cli;

import dev.nitrate.engine.cluster.ClusterPlan;
import dev.nitrate.engine.cluster.ClusterRender;
import dev.nitrate.engine.cluster.PlanException;
import dev.nitrate.engine.cluster.PlanFormat;
import dev.nitrate.engine.cluster.SlurmScripts;
import dev.nitrate.engine.render.RenderRequest;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nitrate slurm FILM -e ... -o OUT}: plans a render and submits its parts and assembly to Slurm. */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render on a Slurm cluster: plan the render (as nitrate plan), submit a job array of render-part tasks",
            "and an assemble job that runs after all of them succeed, and print the job ids.",
            "The output's folder must be on a file system every node shares. --resume PLAN --index K resubmits failed parts."})
final class SlurmCommand implements Callable<Integer> {

    @Mixin
    RenderOptions render = new RenderOptions();

    @Mixin
    PlanCommand.PartOptions parts = new PlanCommand.PartOptions();

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition for every job.")
    String partition;

    @Option(names = "--gpus-per-task", paramLabel = "N", description = "GPUs for each part (use with --device cuda).")
    Integer gpusPerTask;

    @Option(names = "--time", paramLabel = "T", description = "Time limit of each job, as Slurm takes it (e.g. 4:00:00).")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPU cores for each part.")
    Integer cpusPerTask;

    @Option(names = "--launcher", paramLabel = "CMD",
            description = "The command that runs Nitrate on a node (default: this Java and this jar, e.g. '/usr/bin/java' -jar '/opt/nitrate.jar').")
    String launcher;

    @Option(names = "--dry-run", description = "Write the plan and print the sbatch scripts and commands; submit nothing.")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "PLAN", description = "Resubmit parts of an existing plan (with --index) and a new assemble job; FILM, -e and -o are not needed.")
    Path resume;

    @Option(names = "--index", paramLabel = "K", split = ",", description = "With --resume: the parts to resubmit (repeat or separate with commas).")
    List<Integer> indexes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    SlurmCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        render.common.apply();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ClusterPlan plan;
            Path planFile;
            List<Integer> submitted;
            if (resume != null) {
                if (indexes == null || indexes.isEmpty()) {
                    throw new IllegalArgumentException("--resume needs --index K for each part to resubmit (a part still running must not run twice)");
                }
                planFile = resume.toAbsolutePath().normalize();
                plan = PlanFormat.read(planFile);
                for (int index : indexes) {
                    plan.part(index);
                }
                submitted = indexes.stream().distinct().sorted().toList();
            } else {
                RenderRequest request = render.request();
                ClusterRender.Planned planned = ClusterRender.plan(request, engine.factory(), new RenderRunner(err, request.inference().device()).listener(),
                        parts.count());
                plan = planned.plan();
                planFile = planned.planFile();
                out.print(PlanCommand.describe(planned));
                submitted = IntStream.range(0, plan.parts().size()).boxed().toList();
            }
            Path outputFolder = plan.request().output().path().getParent();
            SlurmScripts.localFolderWarning(outputFolder).ifPresent(warning -> err.println("nitrate: warning: " + warning));
            String name = "nitrate-" + plan.request().output().path().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            SlurmScripts scripts = new SlurmScripts(launcher != null ? launcher : defaultLauncher(), name, Optional.ofNullable(partition),
                    Optional.ofNullable(gpusPerTask), Optional.ofNullable(time), Optional.ofNullable(cpusPerTask));
            if (dryRun) {
                out.println("# parts: sbatch --parsable < parts.sh");
                out.print(scripts.partsScript(planFile, submitted));
                out.println("# assembly: sbatch --parsable --dependency=afterok:PARTS_JOB_ID < assemble.sh");
                out.print(scripts.assembleScript(planFile));
                out.flush();
                return Failures.OK;
            }
            SlurmScripts.Submitted jobs = scripts.submit(planFile, submitted, Path.of("").toAbsolutePath());
            out.println("submitted parts " + submitted + " as job array " + jobs.partsJob() + " and the assembly as job " + jobs.assembleJob()
                    + " (runs after every part succeeds)");
            out.println("follow: squeue -j " + jobs.partsJob() + "," + jobs.assembleJob() + "   logs: slurm-" + jobs.partsJob() + "_K.out here");
            out.println("a part that failed: nitrate slurm --resume " + SlurmScripts.quote(planFile.toString()) + " --index K");
            out.flush();
            return Failures.OK;
        } catch (IllegalArgumentException | ColorizerProvider.MissingEngineException | PlanException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, render.common.verbose);
        }
    }

    /** This Java running this jar (or, from a build folder, this class path) on {@code dev.nitrate.Main}. */
    static String defaultLauncher() {
        String java = SlurmScripts.quote(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path location = Path.of(NitrateCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.getFileName().toString().endsWith(".jar")) {
                return java + " -jar " + SlurmScripts.quote(location.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the class path
        }
        return java + " -cp " + SlurmScripts.quote(System.getProperty("java.class.path")) + " dev.nitrate.Main";
    }
}
