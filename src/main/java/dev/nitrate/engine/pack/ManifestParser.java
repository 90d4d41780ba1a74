package dev.nitrate.engine.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.memory.MemoryParameters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code pack.json} into a {@link PackManifest}, naming the file and the field at fault. */
final class ManifestParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;

    private ManifestParser(String file) {
        this.file = file;
    }

    static PackManifest parse(String json, String file) throws PackException {
        return new ManifestParser(file).parse(json);
    }

    private PackManifest parse(String json) throws PackException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PackException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PackException(file + ": not a JSON object");
        }
        String format = text(root, "format");
        if (!PackManifest.FORMAT.equals(format)) {
            throw new PackException(file + ": unsupported format '" + format + "' (expected " + PackManifest.FORMAT + ")");
        }
        JsonNode graphsNode = object(root, "graphs");
        Map<String, GraphSpec> graphs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = graphsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            graphs.put(e.getKey(), graph(e.getKey(), e.getValue()));
        }
        JsonNode la = root.path("local_attention");
        var localAttention = la.isMissingNode() || la.isNull()
                ? new PackManifest.LocalAttentionSettings(graphs.containsKey(PackManifest.LOCAL_ATTENTION), 7)
                : new PackManifest.LocalAttentionSettings(bool(la, "enabled", "local_attention"), integer(la, "radius", "local_attention"));
        for (String required : List.of(PackManifest.KEY_ENCODER, PackManifest.VALUE_ENCODER, PackManifest.DECODER)) {
            if (!graphs.containsKey(required)) {
                throw new PackException(file + ": graphs." + required + " is missing");
            }
        }
        if (localAttention.enabled() && !graphs.containsKey(PackManifest.LOCAL_ATTENTION)) {
            throw new PackException(file + ": local_attention is enabled but graphs.local_attention is missing");
        }
        JsonNode norm = object(root, "normalisation");
        JsonNode strides = object(root, "strides");
        JsonNode ch = object(root, "channels");
        JsonNode mem = object(root, "memory");
        MemoryParameters memory;
        try {
            memory = new MemoryParameters(
                    integer(mem, "top_k", "memory"), integer(mem, "mem_every", "memory"),
                    integer(mem, "min_mid_term_frames", "memory"), integer(mem, "max_mid_term_frames", "memory"),
                    integer(mem, "num_prototypes", "memory"), integer(mem, "max_long_term_elements", "memory"),
                    !mem.has("deep_update") || bool(mem, "deep_update", "memory"));
        } catch (IllegalArgumentException e) {
            throw new PackException(file + ": memory: " + e.getMessage());
        }
        JsonNode inference = root.path("inference");
        Long maxArea = null;
        if (inference.isObject() && inference.hasNonNull("max_area")) {
            JsonNode area = inference.get("max_area");
            if (!area.canConvertToLong() || area.asLong() <= 0) {
                throw new PackException(file + ": inference.max_area must be a positive integer or null");
            }
            maxArea = area.asLong();
        }
        int padding = integer(root, "padding_multiple", "");
        if (padding < 1) {
            throw new PackException(file + ": padding_multiple must be positive");
        }
        return new PackManifest(
                format,
                text(root, "name"),
                optionalText(root, "version"),
                optionalText(root, "licence"),
                optionalText(root, "source"),
                integer(root, "opset", ""),
                graphs,
                new PackManifest.Normalisation(
                        number(norm, "lightness_offset", "normalisation"),
                        number(norm, "lightness_scale", "normalisation"),
                        number(norm, "chroma_scale", "normalisation")),
                padding,
                new PackManifest.Strides(integer(strides, "f16", "strides"), integer(strides, "f8", "strides"), integer(strides, "f4", "strides")),
                new PackManifest.Channels(
                        integer(ch, "objects", "channels"), integer(ch, "key", "channels"), integer(ch, "value", "channels"),
                        integer(ch, "hidden", "channels"), integer(ch, "f16", "channels"), integer(ch, "f8", "channels"),
                        integer(ch, "f4", "channels")),
                memory,
                localAttention,
                new PackManifest.InferenceSettings(maxArea),
                flow(root.path("flow")));
    }

    private Optional<PackManifest.FlowSettings> flow(JsonNode node) throws PackException {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new PackException(file + ": flow must be an object");
        }
        JsonNode area = node.path("max_area");
        if (!area.canConvertToLong()) {
            throw new PackException(file + ": flow.max_area must be an integer");
        }
        try {
            return Optional.of(new PackManifest.FlowSettings(text(node, "preset", "flow"), area.asLong(),
                    number(node, "consistency_px", "flow"), number(node, "chain_decay", "flow"),
                    number(node, "readout_confidence", "flow"),
                    node.has("lightness_tolerance") ? number(node, "lightness_tolerance", "flow") : 0f));
        } catch (IllegalArgumentException e) {
            throw new PackException(file + ": " + e.getMessage());
        }
    }

    private GraphSpec graph(String role, JsonNode node) throws PackException {
        String where = "graphs." + role;
        if (!node.isObject()) {
            throw new PackException(file + ": " + where + " is not an object");
        }
        String sha = text(node, "sha256", where).toLowerCase(java.util.Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new PackException(file + ": " + where + ".sha256 is not a SHA-256 hex digest");
        }
        return new GraphSpec(role, text(node, "file", where), sha, tensors(node, "inputs", where), tensors(node, "outputs", where));
    }

    private List<TensorSpec> tensors(JsonNode graph, String field, String where) throws PackException {
        JsonNode list = graph.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new PackException(file + ": " + where + "." + field + " must be a non-empty list");
        }
        List<TensorSpec> out = new ArrayList<>();
        for (JsonNode t : list) {
            String name = text(t, "name", where + "." + field);
            JsonNode shape = t.get("shape");
            if (shape == null || !shape.isArray()) {
                throw new PackException(file + ": " + where + "." + field + " '" + name + "' has no shape list");
            }
            List<TensorSpec.Dimension> dims = new ArrayList<>();
            for (JsonNode d : shape) {
                if (d.isIntegralNumber() && d.asLong() >= 0) {
                    dims.add(new TensorSpec.Fixed(d.asLong()));
                } else if (d.isTextual() && !d.asText().isBlank()) {
                    dims.add(new TensorSpec.Symbolic(d.asText()));
                } else {
                    throw new PackException(file + ": " + where + "." + field + " '" + name + "' has a bad dimension " + d);
                }
            }
            out.add(new TensorSpec(name, dims));
        }
        return out;
    }

    private JsonNode object(JsonNode parent, String field) throws PackException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new PackException(file + ": '" + field + "' is missing or not an object");
        }
        return n;
    }

    private String text(JsonNode parent, String field) throws PackException {
        return text(parent, field, "");
    }

    private String text(JsonNode parent, String field, String where) throws PackException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw new PackException(file + ": " + path(where, field) + " is missing or not a string");
        }
        return n.asText();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private int integer(JsonNode parent, String field, String where) throws PackException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new PackException(file + ": " + path(where, field) + " is missing or not an integer");
        }
        return n.asInt();
    }

    private float number(JsonNode parent, String field, String where) throws PackException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new PackException(file + ": " + path(where, field) + " is missing or not a number");
        }
        return (float) n.asDouble();
    }

    private boolean bool(JsonNode parent, String field, String where) throws PackException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isBoolean()) {
            throw new PackException(file + ": " + path(where, field) + " is missing or not true/false");
        }
        return n.asBoolean();
    }

    private static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }
}
