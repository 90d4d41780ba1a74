package dev.nitrate.engine.cluster;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.pack.PackManifest;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.render.RenderScope;
import dev.nitrate.engine.shots.Shot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A render done in parts on several machines that share a file system: {@link #plan} once, {@link #partJob}
 * for every part (anywhere, in any order, again after a failure), then {@link #assemblyJob}. The parts and
 * the assembly run the plan's request on the {@link RenderJob} of a single-machine render, so the result is
 * byte-identical to it. Nitrate does not schedule: a cluster's scheduler runs the parts.
 */
public final class ClusterRender {

    /** How many parts a plan has. */
    public sealed interface PartCount permits PartCount.Parts, PartCount.MaxFrames {
        /** @param parts this many parts (fewer when the film has fewer shots) */
        record Parts(int parts) implements PartCount {}

        /** @param frames the fewest parts of at most this many frames each (a longer shot is a part of its own) */
        record MaxFrames(long frames) implements PartCount {}
    }

    /** A plan that was written: the plan and its file. */
    public record Planned(ClusterPlan plan, Path planFile) {}

    private ClusterRender() {}

    /**
     * Finds the shots, splits them into parts and writes the plan into the output's work folder.
     *
     * @throws PlanException with one line when the request cannot be rendered (bad input) or the plan cannot be written
     */
    public static Planned plan(RenderRequest typed, ColorizerFactory factory, RenderListener listener, PartCount count) throws PlanException {
        RenderRequest request = absolute(typed);
        ClusterPlan.Inputs inputs = inputs(request);
        AtomicReference<ClusterPlan> made = new AtomicReference<>();
        RenderScope.Prepare prepare = new RenderScope.Prepare(prepared -> {
            List<ClusterPlan.Part> parts = count instanceof PartCount.Parts n ? PartBalancer.byCount(prepared.shots(), n.parts())
                    : PartBalancer.byMaxFrames(prepared.shots(), ((PartCount.MaxFrames) count).frames());
            ClusterPlan plan = new ClusterPlan(request, inputs, prepared.jobKey(), prepared.range(), prepared.shots(), parts);
            made.set(plan);
            return PlanFormat.write(plan);
        });
        RenderOutcome outcome = new RenderJob(request, factory, listener, prepare).run();
        if (outcome instanceof RenderOutcome.Prepared prepared) {
            return new Planned(made.get(), prepared.planFile().orElseThrow());
        }
        throw failure(outcome);
    }

    /**
     * The job that renders part {@code index} of the plan in {@code planFile}, after checking that the
     * inputs are still the ones planned.
     *
     * @throws PlanException with one line: the plan cannot be read, the index is not in it, or an input changed
     */
    public static RenderJob partJob(Path planFile, int index, ColorizerFactory factory, RenderListener listener) throws PlanException {
        ClusterPlan plan = PlanFormat.read(planFile);
        ClusterPlan.Part part;
        try {
            part = plan.part(index);
        } catch (IllegalArgumentException e) {
            throw new PlanException(planFile + ": " + e.getMessage());
        }
        checkInputs(plan);
        return new RenderJob(plan.request(), factory, listener, new RenderScope.Part(index, plan.shots(), part.shots(), plan.jobKey()));
    }

    /** The job that checks every part of the plan in {@code planFile} and assembles the output. */
    public static RenderJob assemblyJob(Path planFile, ColorizerFactory factory, RenderListener listener) throws PlanException {
        ClusterPlan plan = PlanFormat.read(planFile);
        checkInputs(plan);
        List<List<Shot>> parts = plan.parts().stream().map(ClusterPlan.Part::shots).toList();
        return new RenderJob(plan.request(), factory, listener,
                new RenderScope.Assembly(plan.shots(), parts, plan.jobKey(), "nitrate render-part " + planFile + " --index %d"));
    }

    /** A failed or cancelled outcome as an exception with its one line. */
    public static PlanException failure(RenderOutcome outcome) {
        if (outcome instanceof RenderOutcome.Failed failed) {
            return new PlanException(failed.message(), failed.cause().orElse(null));
        }
        return new PlanException("stopped before the plan was written: " + outcome);
    }

    private static RenderRequest absolute(RenderRequest request) {
        List<PinnedExemplar> exemplars = request.exemplars().stream()
                .map(e -> new PinnedExemplar(e.image().toAbsolutePath().normalize(), e.frame(), e.fit())).toList();
        OutputSpec o = request.output();
        OutputSpec output = new OutputSpec(o.path().toAbsolutePath().normalize(), o.format(), o.crf(), o.lumaLock(), o.preset(), o.copyAudio(), o.overwrite());
        PackLocation pack = request.pack() instanceof PackLocation.Folder folder
                ? new PackLocation.Folder(folder.directory().toAbsolutePath().normalize()) : request.pack();
        return new RenderRequest(request.film().toAbsolutePath().normalize(), request.openOptions(), exemplars, request.fit(), request.frames(),
                output, pack, request.inference(), request.segmentFrames(), request.exemplarIsFrame());
    }

    private static ClusterPlan.Inputs inputs(RenderRequest request) throws PlanException {
        try {
            List<String> exemplars = new ArrayList<>();
            for (PinnedExemplar exemplar : request.exemplars()) {
                exemplars.add(Sha256.of(exemplar.image()));
            }
            Path film = request.film();
            long size = Files.isRegularFile(film) ? Files.size(film) : 0;
            Map<String, String> graphs = new TreeMap<>();
            PackManifest manifest = ModelPack.load(request.pack()).manifest();
            manifest.graphs().forEach((role, spec) -> graphs.put(role, spec.sha256()));
            return new ClusterPlan.Inputs(size, filmDigest(film), exemplars, manifestDigest(request.pack()), graphs);
        } catch (IOException e) {
            String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : "an input";
            throw new PlanException(file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot be read (" + e.getMessage() + ")"), e);
        } catch (PackException e) {
            throw new PlanException(e.getMessage(), e);
        }
    }

    private static void checkInputs(ClusterPlan plan) throws PlanException {
        RenderRequest request = plan.request();
        try {
            for (int i = 0; i < request.exemplars().size(); i++) {
                Path image = request.exemplars().get(i).image();
                if (!Files.isRegularFile(image) || !Sha256.of(image).equals(plan.inputs().exemplarSha256().get(i))) {
                    throw new PlanException(image + ": " + (Files.exists(image) ? "changed" : "is gone") + " since the plan was made; make the plan again");
                }
            }
            Path film = request.film();
            if (Files.isRegularFile(film) ? Files.size(film) != plan.inputs().filmSize() : !Files.exists(film)) {
                throw new PlanException(film + ": " + (Files.exists(film) ? "changed" : "is gone") + " since the plan was made; make the plan again");
            }
            if (!manifestDigest(request.pack()).equals(plan.inputs().packManifestSha256())) {
                throw new PlanException(request.pack() + ": the model pack changed since the plan was made; make the plan again");
            }
        } catch (IOException e) {
            throw new PlanException("cannot read an input of the plan (" + e.getMessage() + ")", e);
        }
    }

    private static String manifestDigest(PackLocation pack) throws IOException {
        if (pack instanceof PackLocation.Folder folder) {
            return Sha256.of(folder.directory().resolve(ModelPack.MANIFEST_FILE));
        }
        try (InputStream in = ModelPack.class.getResourceAsStream(ModelPack.BUILTIN_RESOURCE_ROOT + ModelPack.MANIFEST_FILE)) {
            if (in == null) {
                throw new IOException("the built-in pack is missing from this build");
            }
            return Sha256.of(in);
        }
    }

    /** A file's checksum; for an image sequence (a folder or a printf pattern) the checksum of its files' names and checksums. */
    static String filmDigest(Path film) throws IOException {
        if (Files.isRegularFile(film)) {
            return Sha256.of(film);
        }
        Path folder = Files.isDirectory(film) ? film : film.getParent();
        MessageDigest digest = Sha256.newDigest();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((file.getFileName() + " " + Sha256.of(file) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return Sha256.hex(digest.digest());
    }
}
