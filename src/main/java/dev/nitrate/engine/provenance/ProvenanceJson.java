package dev.nitrate.engine.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes provenance records as JSON ({@value ProvenanceRecord#FORMAT}). */
public final class ProvenanceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProvenanceJson() {}

    /** The record as UTF-8 JSON, indented, ending with a newline. */
    public static byte[] toBytes(Object value) {
        try {
            return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provenance record always converts to JSON", e);
        }
    }

    /** Compact JSON of a value, on one line, all ASCII (for container tags). */
    public static String compact(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provenance value always converts to JSON", e);
        }
    }

    /**
     * Reads a record.
     *
     * @throws ProvenanceException naming {@code file}: missing, unreadable, not JSON, not a Nitrate record, or of a newer format
     */
    public static ProvenanceRecord read(Path file) throws ProvenanceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProvenanceException(file + ": no provenance record there (a render writes it beside its output as NAME.nitrate.json)", e);
        } catch (IOException e) {
            throw new ProvenanceException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ProvenanceException(file + ": damaged record, not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        String format = tree == null || !tree.hasNonNull("format") ? "" : tree.get("format").asText();
        if (!format.startsWith("nitrate-provenance/")) {
            throw new ProvenanceException(file + ": not a Nitrate provenance record (no \"format\": \"" + ProvenanceRecord.FORMAT + "\")");
        }
        if (!format.equals(ProvenanceRecord.FORMAT)) {
            throw new ProvenanceException(file + ": record format " + format + " is newer than this Nitrate reads (" + ProvenanceRecord.FORMAT + ")");
        }
        try {
            ProvenanceRecord record = MAPPER.treeToValue(tree, ProvenanceRecord.class);
            if (record.output() == null || record.outputFrames() == null || record.film() == null) {
                throw new ProvenanceException(file + ": damaged record: the output, its frames or the film is missing");
            }
            return record;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new ProvenanceException(file + ": damaged record (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.lines().findFirst().orElse("").strip();
    }
}
