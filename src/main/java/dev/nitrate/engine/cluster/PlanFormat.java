package dev.nitrate.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Rational;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Writes and reads a {@link ClusterPlan} as JSON. Reading checks the format and says in one line what is wrong with a file. */
public final class PlanFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFormat() {}

    /** The plan as UTF-8 JSON. */
    public static byte[] write(ClusterPlan plan) {
        RenderRequest request = plan.request();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ClusterPlan.FORMAT);
        ObjectNode film = root.putObject("film");
        film.put("path", request.film().toString());
        film.put("size", plan.inputs().filmSize());
        film.put("sha256", plan.inputs().filmSha256());
        film.put("sequenceFrameRate", request.openOptions().sequenceFrameRate().toString());
        ArrayNode exemplars = root.putArray("exemplars");
        for (int i = 0; i < request.exemplars().size(); i++) {
            PinnedExemplar exemplar = request.exemplars().get(i);
            ObjectNode node = exemplars.addObject();
            node.put("path", exemplar.image().toString());
            node.put("sha256", plan.inputs().exemplarSha256().get(i));
            if (exemplar.frame().isPresent()) {
                node.put("frame", exemplar.frame().getAsLong());
            }
            exemplar.fit().ifPresent(fit -> node.put("fit", fit.name().toLowerCase(Locale.ROOT)));
        }
        ObjectNode pack = root.putObject("pack");
        pack.put("location", request.pack() instanceof PackLocation.Folder folder ? folder.directory().toString() : "built-in");
        pack.put("manifestSha256", plan.inputs().packManifestSha256());
        ObjectNode graphs = pack.putObject("graphs");
        new java.util.TreeMap<>(plan.inputs().packGraphs()).forEach(graphs::put);
        ObjectNode options = root.putObject("options");
        OutputSpec output = request.output();
        options.put("output", output.path().toString());
        options.put("format", output.format().cliName());
        options.put("crf", output.crf());
        options.put("lumaLock", output.lumaLock());
        options.put("preset", output.preset());
        options.put("copyAudio", output.copyAudio());
        options.put("overwrite", output.overwrite());
        options.put("fit", request.fit().name().toLowerCase(Locale.ROOT));
        request.frames().ifPresent(frames -> options.put("frames", frames.toString()));
        options.put("device", request.inference().device().toString());
        options.put("localAttention", request.inference().localAttention().name().toLowerCase(Locale.ROOT));
        options.put("ortSpinning", request.inference().ortSpinning());
        options.put("segmentFrames", request.segmentFrames());
        options.put("readoutBudgetBytes", request.inference().readoutBudgetBytes());
        if (request.inference().modelMaxArea() != null) {
            options.put("modelMaxArea", request.inference().modelMaxArea());
        }
        if (request.exemplarIsFrame()) {
            options.put("exemplarIsFrame", true);
        }
        root.put("jobKey", plan.jobKey());
        root.put("range", plan.range().toString());
        root.put("frames", plan.frames());
        ArrayNode shots = root.putArray("shots");
        plan.shots().forEach(shot -> shots.add(shot.first() + "-" + shot.last()));
        ArrayNode parts = root.putArray("parts");
        for (ClusterPlan.Part part : plan.parts()) {
            ObjectNode node = parts.addObject();
            node.put("index", part.index());
            node.put("frames", part.frames());
            ArrayNode partShots = node.putArray("shots");
            part.shots().forEach(shot -> partShots.add(shot.first() + "-" + shot.last()));
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is always JSON", e);
        }
    }

    /**
     * Reads a plan.
     *
     * @throws PlanException with one line naming the file: missing, unreadable, not a plan, or incomplete
     */
    public static ClusterPlan read(Path file) throws PlanException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PlanException(file + ": no such plan (make one with nitrate plan; an assembled render removes its plan with its work folder)");
        } catch (JsonProcessingException e) {
            throw new PlanException(file + ": is not a Nitrate plan (not JSON)");
        } catch (IOException e) {
            throw new PlanException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !ClusterPlan.FORMAT.equals(root.path("format").asText())) {
            throw new PlanException(file + ": is not a Nitrate plan (no \"format\": \"" + ClusterPlan.FORMAT + "\")");
        }
        try {
            return parse(root);
        } catch (RuntimeException e) {
            throw new PlanException(file + ": is a damaged plan (" + e.getMessage() + ")");
        }
    }

    private static ClusterPlan parse(JsonNode root) {
        JsonNode film = required(root, "film");
        JsonNode options = required(root, "options");
        JsonNode pack = required(root, "pack");
        List<PinnedExemplar> exemplars = new ArrayList<>();
        List<String> exemplarSums = new ArrayList<>();
        for (JsonNode node : required(root, "exemplars")) {
            OptionalLong frame = node.has("frame") ? OptionalLong.of(node.get("frame").asLong()) : OptionalLong.empty();
            Optional<ExemplarFit> fit = node.has("fit") ? Optional.of(fit(node.get("fit").asText())) : Optional.empty();
            exemplars.add(new PinnedExemplar(Path.of(text(node, "path")), frame, fit));
            exemplarSums.add(text(node, "sha256"));
        }
        String location = text(pack, "location");
        PackLocation packLocation = location.equals("built-in") ? PackLocation.BUILTIN : new PackLocation.Folder(Path.of(location));
        InferenceOptions inference = new InferenceOptions(ComputeDevice.parse(text(options, "device")), 0, null,
                InferenceOptions.LocalAttentionPath.valueOf(text(options, "localAttention").toUpperCase(Locale.ROOT)),
                required(options, "ortSpinning").asBoolean(),
                options.has("readoutBudgetBytes") ? options.get("readoutBudgetBytes").asLong() : InferenceOptions.DEFAULT_READOUT_BUDGET_BYTES,
                options.has("modelMaxArea") ? Integer.valueOf(options.get("modelMaxArea").asInt()) : null);
        OutputSpec output = new OutputSpec(Path.of(text(options, "output")), OutputFormat.parse(text(options, "format")),
                required(options, "crf").asInt(), required(options, "lumaLock").asBoolean(), text(options, "preset"),
                required(options, "copyAudio").asBoolean(), required(options, "overwrite").asBoolean());
        Optional<FrameRange> frames = options.has("frames") ? Optional.of(FrameRange.parse(options.get("frames").asText())) : Optional.empty();
        RenderRequest request = new RenderRequest(Path.of(text(film, "path")),
                new FilmOpenOptions(Rational.parse(text(film, "sequenceFrameRate")), false), exemplars, fit(text(options, "fit")), frames,
                output, packLocation, inference, required(options, "segmentFrames").asInt(),
                options.has("exemplarIsFrame") && options.get("exemplarIsFrame").asBoolean());
        Map<String, String> graphs = new LinkedHashMap<>();
        required(pack, "graphs").fields().forEachRemaining(entry -> graphs.put(entry.getKey(), entry.getValue().asText()));
        ClusterPlan.Inputs inputs = new ClusterPlan.Inputs(required(film, "size").asLong(), text(film, "sha256"), exemplarSums,
                text(pack, "manifestSha256"), graphs);
        List<Shot> shots = new ArrayList<>();
        required(root, "shots").forEach(node -> shots.add(shot(node.asText())));
        List<ClusterPlan.Part> parts = new ArrayList<>();
        for (JsonNode node : required(root, "parts")) {
            List<Shot> partShots = new ArrayList<>();
            required(node, "shots").forEach(shot -> partShots.add(shot(shot.asText())));
            if (required(node, "index").asInt() != parts.size()) {
                throw new IllegalArgumentException("parts are not numbered 0, 1, 2, ...");
            }
            parts.add(new ClusterPlan.Part(parts.size(), partShots));
        }
        return new ClusterPlan(request, inputs, text(root, "jobKey"), FrameRange.parse(text(root, "range")), shots, parts);
    }

    private static Shot shot(String text) {
        FrameRange range = FrameRange.parse(text);
        return new Shot(range.first(), range.last());
    }

    private static ExemplarFit fit(String text) {
        return ExemplarFit.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
