package dev.nitrate.cli;

import dev.nitrate.engine.demo.DemoMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nitrate demo}: colorizes the demo film that ships with Nitrate, from its exemplar, with the
 * built-in pack. The same render path as {@code colorize}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Colorize the demo film that ships with Nitrate (its exemplar, the built-in pack).",
            "Writes the demo media and the result into a folder (default: ./nitrate-demo)."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "nitrate-demo",
            description = "Folder for the demo film, its exemplar and the result (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Result file or image folder (default: DIR/demo-colorized.mp4, or the first free DIR/demo-colorized-N.mp4).")
    Path output;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", description = "cpu, cuda or cuda:N.")
    String device;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DemoMedia.DemoFiles demo;
        try {
            demo = DemoMedia.extractTo(folder);
        } catch (IOException e) {
            return Failures.report(spec.commandLine().getErr(), folder + ": " + e.getMessage(), e, verbose);
        }
        Path result = output != null ? output : freeName(folder);
        List<String> args = new ArrayList<>(List.of(
                "colorize", demo.film().toString(),
                "--exemplar", demo.exemplar() + "@0",
                "--output", result.toString(),
                "--device", device));
        if (verbose) {
            args.add("--verbose");
        }
        CommandLine root = spec.root().commandLine();
        return root.execute(args.toArray(String[]::new));
    }

    /**
     * The first name for the result that nothing uses yet (nor its record): each finished demo keeps its file and a new run writes
     * another; an interrupted one resumes, because its name is still free.
     */
    static Path freeName(Path folder) {
        Path candidate = folder.resolve("demo-colorized.mp4");
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(dev.nitrate.engine.safety.OutputGuard.recordFileOf(candidate), LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = folder.resolve("demo-colorized-" + n + ".mp4");
        }
        return candidate;
    }
}
