package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.provenance.Check;
import dev.nitrate.engine.provenance.ProvenanceException;
import dev.nitrate.engine.provenance.ProvenanceJson;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.provenance.ProvenanceVerifier;
import dev.nitrate.engine.render.Progress;
import dev.nitrate.engine.render.RecordedRequest;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.safety.OutputGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nitrate verify OUT [--rerender]}: checks an output, and the inputs still at hand, against its provenance record. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a render against its record (OUT.nitrate.json): every output frame's decoded pixels,",
            "and the film, exemplars and pack where they still are at their recorded paths. Exit 0 when everything checked matches."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUT", description = "A rendered video or frames folder (or its .nitrate.json record).")
    Path target;

    @Option(names = "--record", paramLabel = "RECORD", description = "Check OUT, a copy (renamed, moved or remuxed), against this record.")
    Path recordOption;

    @Option(names = "--rerender", description = "Also render the film again from the record, into a new temporary folder, and compare it frame by frame.")
    boolean rerender;

    @Option(names = "--work", paramLabel = "DIR", description = "Where --rerender creates its temporary folder (default: the system's temporary folder).")
    Path workParent;

    @Option(names = "--keep", description = "Keep the re-rendered output (it is kept anyway when it differs).")
    boolean keep;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    VerifyCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        dev.nitrate.engine.video.Films.showFfmpegLog(verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean givenRecord = recordOption == null && target.getFileName() != null && target.getFileName().toString().endsWith(".nitrate.json");
        Path recordFile = recordOption != null ? recordOption : givenRecord ? target : OutputGuard.recordFileOf(target);
        if (!givenRecord && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Failures.report(err, target + ": no such file or folder", null, verbose);
        }
        ProvenanceRecord record;
        try {
            record = ProvenanceJson.read(recordFile);
        } catch (ProvenanceException e) {
            return Failures.report(err, e.getMessage(), e, verbose);
        }
        ProvenanceVerifier verifier = new ProvenanceVerifier(record, recordFile, recordOption != null ? target : null);
        if (!Files.exists(verifier.output(), LinkOption.NOFOLLOW_LINKS)) {
            return Failures.report(err, verifier.output() + ": the output " + recordFile + " describes is missing", null, verbose);
        }
        out.printf(Locale.ROOT, "record   %s: %s, Nitrate %s, %d frames, finished %s%n", recordFile, record.format(), record.nitrateVersion(),
                record.outputFrames().count(), record.finished());
        List<Check> checks = new ArrayList<>(verifier.checkAll());
        checks.forEach(check -> print(out, check));
        out.flush();
        if (rerender) {
            try {
                Check again = rerender(record, recordFile, err);
                print(out, again);
                checks.add(again);
            } catch (ProvenanceException e) {
                return Failures.report(err, e.getMessage(), e, verbose);
            } catch (IOException e) {
                return Failures.report(err, "cannot create a folder for the re-render (" + e.getMessage() + ")", e, verbose);
            }
        }
        out.flush();
        boolean allMatch = checks.stream().noneMatch(Check.Differs.class::isInstance);
        return allMatch ? Failures.OK : Failures.FAILED;
    }

    private static void print(PrintWriter out, Check check) {
        String verdict = check instanceof Check.Matches ? "match  " : check instanceof Check.Differs ? "DIFFERS" : "absent ";
        out.println(verdict + "  " + check.item() + ": " + check.detail());
    }

    private Check rerender(ProvenanceRecord record, Path recordFile, PrintWriter err) throws ProvenanceException, IOException {
        Path parent = workParent != null ? workParent : Path.of(System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, "nitrate-verify-");
        Path output = folder.resolve(Path.of(record.output().path()).getFileName().toString());
        RenderRequest request = RecordedRequest.of(record, recordFile, output);
        ColorizerFactory factory;
        try {
            factory = engine.factory();
        } catch (ColorizerProvider.MissingEngineException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
        if (record.engine() != null && !factory.getClass().getName().equals(record.engine().colorizer())) {
            err.println("nitrate: warning: the record was rendered by " + record.engine().colorizer() + "; this re-render uses "
                    + factory.getClass().getName());
        }
        ProgressBar bar = new ProgressBar(err, "re-render");
        RenderOutcome outcome = new RenderJob(request, factory, new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING) {
                    bar.update(progress.done(), progress.total(), progress.framesPerSecond(), progress.eta());
                }
            }
        }, ProvenanceRecord.Origin.commandLine(List.of("nitrate", "verify", "--rerender", recordFile.toString()))).run();
        bar.finish();
        String item = "re-render in " + folder;
        if (!(outcome instanceof RenderOutcome.Completed)) {
            String why = outcome instanceof RenderOutcome.Failed failed ? failed.message() : "cancelled";
            return new Check.Differs(item, "the render did not finish: " + why);
        }
        ProvenanceRecord again = ProvenanceJson.read(OutputGuard.recordFileOf(output));
        Check check = ProvenanceVerifier.compareFrames("re-render", record.outputFrames().frames(),
                again.outputFrames().frames().stream().map(ProvenanceRecord.FrameHash::sha256).toList());
        if (check instanceof Check.Differs || keep) {
            return check instanceof Check.Differs d ? new Check.Differs(item, d.detail() + "; kept for inspection")
                    : new Check.Matches(item, ((Check.Matches) check).detail() + "; kept");
        }
        deleteCreated(folder);
        return check;
    }

    /** Removes the temporary folder this command created, and what the re-render wrote in it. */
    private static void deleteCreated(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
