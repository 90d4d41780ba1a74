package dev.nitrate.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nitrate} command line: the top-level command and the one list of its subcommands. */
@Command(name = "nitrate", mixinStandardHelpOptions = true, version = "Nitrate 0.1.0",
        description = "Colorizes grayscale films from colour reference images (ColorMNet).")
public final class NitrateCli implements Runnable {

    /** Every subcommand, in the order help lists them. Add new commands here. */
    static final List<Function<ColorizerProvider, Object>> SUBCOMMANDS = List.of(
            engine -> new InfoCommand(),
            engine -> new ShotsCommand(),
            ColorizeCommand::new,
            engine -> new DemoCommand(),
            engine -> new EvaluateCommand(EvaluateCommand.factories(engine)),
            engine -> new BenchCommand(EvaluateCommand.factories(engine)),
            PlanCommand::new,
            RenderPartCommand::new,
            AssembleCommand::new,
            SlurmCommand::new,
            VerifyCommand::new,
            SuggestCommand::new);

    private final ColorizerProvider engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param engine the colorization engine the rendering commands use */
    public NitrateCli(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The names of the subcommands ({@code info}, {@code shots}, ...). */
    public static Set<String> commandNames() {
        return new NitrateCli(ColorizerProvider.engine()).commandLine().getSubcommands().keySet();
    }

    /** Builds the command line with all subcommands. */
    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        for (Function<ColorizerProvider, Object> subcommand : SUBCOMMANDS) {
            commandLine.addSubcommand(subcommand.apply(engine));
        }
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            String command = failed.getCommandSpec().qualifiedName();
            String message = String.valueOf(exception.getMessage()).lines().findFirst().orElse("").strip();
            failed.getErr().println("nitrate: " + message + " (see " + command + " --help)");
            failed.getErr().flush();
            return Failures.FAILED;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            System.getLogger(NitrateCli.class.getName()).log(System.Logger.Level.ERROR, "internal error", exception);
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            return Failures.report(line.getErr(), "internal error: " + exception, exception, verbose);
        });
        return commandLine;
    }

    /** Runs the command line and returns its exit code. */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
