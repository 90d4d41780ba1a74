package dev.nitrate.engine.render;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.shots.Shot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The record a finished part of a planned render leaves in the work folder ({@code parts/part-NNNN.done}):
 * the job key, the part's shots, and the SHA-256 of every file it spooled. A part counts as done only
 * while its record exists and every file still has the recorded checksum.
 */
final class PartRecords {

    private static final String MAGIC = "nitrate-part/1";

    private PartRecords() {}

    static void write(WorkFolder work, int index, String jobKey, List<Shot> shots, List<Path> files) throws IOException {
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        text.append("key ").append(jobKey).append('\n');
        text.append("shots ").append(describe(shots)).append('\n');
        for (Path file : files) {
            text.append("file ").append(work.root().relativize(file).toString().replace('\\', '/')).append(' ').append(Sha256.of(file)).append('\n');
        }
        work.writeAtomically(work.partFile(index, "done"), out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What is wrong with part {@code index}, in words that name the part and its frames but no file of the
     * work folder; empty when the part is done and intact.
     *
     * @param files the files the part's segments spool (their order does not matter)
     */
    static Optional<String> problem(WorkFolder work, int index, String jobKey, List<Shot> shots, List<Path> files) throws IOException {
        Path record = work.partFile(index, "done");
        if (!Files.isRegularFile(record)) {
            return Optional.of("is not rendered (or did not finish)");
        }
        List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals("key " + jobKey) || !lines.get(2).equals("shots " + describe(shots))) {
            return Optional.of("was rendered for another plan");
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : lines.subList(3, lines.size())) {
            String[] fields = line.split(" ");
            if (fields.length == 3 && fields[0].equals("file")) {
                recorded.put(fields[1], fields[2]);
            }
        }
        List<String> expected = new ArrayList<>();
        for (Path file : files) {
            expected.add(work.root().relativize(file).toString().replace('\\', '/'));
        }
        if (!recorded.keySet().equals(new java.util.HashSet<>(expected))) {
            return Optional.of("has a record that does not list its frames");
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (!Files.isRegularFile(file)) {
                return Optional.of("is damaged: a finished " + what(file) + " is missing");
            }
            if (!Sha256.of(file).equals(recorded.get(expected.get(i)))) {
                return Optional.of("is damaged: a finished " + what(file) + " no longer matches its checksum");
            }
        }
        return Optional.empty();
    }

    private static String what(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("seg-")) {
            return "segment (from frame " + Long.parseLong(name.substring(4, 16)) + ")";
        }
        return "frame (" + name.replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "") + ")";
    }

    /** Shots as {@code first-last} separated by spaces. */
    static String describe(List<Shot> shots) {
        return shots.stream().map(shot -> shot.first() + "-" + shot.last()).collect(Collectors.joining(" "));
    }

    /** The frames of a part, for messages: {@code frames 0-9, 20-29}. */
    static String frames(List<Shot> shots) {
        return "frames " + shots.stream().map(shot -> shot.first() + "-" + shot.last()).collect(Collectors.joining(", "));
    }
}
