package dev.nitrate.engine.provenance;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.video.AudioPayloadHashes;
import dev.nitrate.engine.video.ContainerTags;
import dev.nitrate.engine.video.DecodedFrameHashes;
import dev.nitrate.engine.video.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an output and its inputs against the output's provenance record: every output frame's decoded pixels,
 * the audio streams' packets, the container tag, and each input (film, exemplars, pack) that is present at its recorded path.
 */
public final class ProvenanceVerifier {

    private final ProvenanceRecord record;
    private final Path recordFolder;
    private final Path output;

    /**
     * Checks the output at its recorded place.
     *
     * @param record the record
     * @param recordFile where it was read from: its recorded paths are relative to its folder
     */
    public ProvenanceVerifier(ProvenanceRecord record, Path recordFile) {
        this(record, recordFile, null);
    }

    /**
     * Checks a copy of the output (another name, another folder, another container) against the record.
     *
     * @param copy the copy, or {@code null} for the output at its recorded place
     */
    public ProvenanceVerifier(ProvenanceRecord record, Path recordFile, Path copy) {
        this.record = record;
        this.recordFolder = recordFile.toAbsolutePath().normalize().getParent();
        this.output = copy != null ? copy : RecordPaths.resolve(recordFolder, record.output().path());
    }

    /** The output that is checked. */
    public Path output() {
        return output;
    }

    /** Every check, the output's first. */
    public List<Check> checkAll() {
        List<Check> checks = new ArrayList<>();
        checks.add(checkOutputFrames());
        checkAudio().ifPresent(checks::add);
        checkContainerTag().ifPresent(checks::add);
        checks.addAll(checkFilm());
        for (ProvenanceRecord.Exemplar exemplar : record.exemplars()) {
            checks.add(checkFile("exemplar " + exemplar.path(), RecordPaths.resolve(recordFolder, exemplar.path()), exemplar.sha256()));
        }
        checks.addAll(checkPack());
        return checks;
    }

    /** The output's frames against the record's checksums. */
    public Check checkOutputFrames() {
        String item = "output " + (output.equals(RecordPaths.resolve(recordFolder, record.output().path())) ? record.output().path() : output.toString());
        List<String> actual;
        try {
            actual = outputFrameHashes(output(), record);
        } catch (MediaException | IOException e) {
            return new Check.Differs(item, "cannot be decoded: " + e.getMessage());
        }
        return compareFrames(item, record.outputFrames().frames(), actual);
    }

    /** Compares recorded frame checksums with actual ones, frame by frame. */
    public static Check compareFrames(String item, List<ProvenanceRecord.FrameHash> expected, List<String> actual) {
        List<Long> differing = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).sha256().equals(actual.get(i))) {
                differing.add(expected.get(i).frame());
            }
        }
        if (expected.size() != actual.size()) {
            return new Check.Differs(item, actual.size() + " frames where the record has " + expected.size()
                    + (differing.isEmpty() ? "" : "; " + describe(differing) + " differ"));
        }
        if (!differing.isEmpty()) {
            return new Check.Differs(item, differing.size() + " of " + expected.size() + " frames differ: " + describe(differing));
        }
        return new Check.Matches(item, "all " + expected.size() + " frames match");
    }

    private static String describe(List<Long> frames) {
        String listed = frames.stream().limit(5).map(f -> Long.toString(f)).reduce((a, b) -> a + ", " + b).orElse("");
        return "frame" + (frames.size() == 1 ? " " : "s ") + listed + (frames.size() > 5 ? " and " + (frames.size() - 5) + " more" : "");
    }

    /** The decoded-pixel checksums of an output: every frame of a video, or each recorded file of a frames folder. */
    public static List<String> outputFrameHashes(Path output, ProvenanceRecord record) throws MediaException, IOException {
        if (!Files.exists(output)) {
            throw new IOException(output + ": no such file or folder");
        }
        if (!Files.isDirectory(output)) {
            return DecodedFrameHashes.of(output).sha256();
        }
        List<String> hashes = new ArrayList<>();
        for (ProvenanceRecord.FrameHash frame : record.outputFrames().frames()) {
            Path file = output.resolve(frame.file() == null ? "" : frame.file());
            hashes.add(Files.isRegularFile(file) ? DecodedFrameHashes.of(file).sha256().get(0) : "missing " + frame.file());
        }
        return hashes;
    }

    private Optional<Check> checkAudio() {
        if (record.outputAudio() == null || Files.isDirectory(output) || !Files.isRegularFile(output)) {
            return Optional.empty();
        }
        String item = "audio of " + output.getFileName();
        List<AudioPayloadHashes.StreamHash> actual;
        try {
            actual = AudioPayloadHashes.of(output);
        } catch (MediaException e) {
            return Optional.of(new Check.Differs(item, "cannot be read: " + e.getMessage()));
        }
        List<ProvenanceRecord.AudioHash> expected = record.outputAudio();
        if (expected.isEmpty() && actual.isEmpty()) {
            return Optional.empty();
        }
        if (actual.size() != expected.size()) {
            return Optional.of(new Check.Differs(item, actual.size() + " audio streams where the record has " + expected.size()));
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).sha256().equals(actual.get(i).sha256())) {
                return Optional.of(new Check.Differs(item, "stream " + i + " (" + expected.get(i).codec() + ") differs"));
            }
        }
        return Optional.of(new Check.Matches(item, expected.size() + (expected.size() == 1 ? " stream matches" : " streams match")));
    }

    private Optional<Check> checkContainerTag() {
        if (record.embedded() == null || Files.isDirectory(output())) {
            return Optional.empty();
        }
        String item = "container tag " + record.embedded().tag();
        Optional<String> tag;
        try {
            tag = ContainerTags.read(output(), record.embedded().tag());
        } catch (MediaException e) {
            return Optional.of(new Check.NotChecked(item, "cannot be read: " + e.getMessage()));
        }
        if (tag.isEmpty()) {
            return Optional.of(new Check.NotChecked(item, "absent from the file (a copy may have dropped it)"));
        }
        String expected = EmbeddedProvenance.value(record);
        if (!EmbeddedProvenance.describe(tag.get()).sha256().equals(record.embedded().sha256())) {
            return Optional.of(new Check.Differs(item, "its checksum is not the record's"));
        }
        if (!expected.equals(tag.get())) {
            return Optional.of(new Check.Differs(item, "the record's settings and inputs are not the ones the file carries"));
        }
        return Optional.of(new Check.Matches(item, "carries this record's inputs and settings"));
    }

    private List<Check> checkFilm() {
        ProvenanceRecord.Film film = record.film();
        if (film.frameFiles() == null) {
            return List.of(checkFile("film " + film.path(), RecordPaths.resolve(recordFolder, film.path()), film.sha256()));
        }
        String item = "film " + film.path();
        int present = 0;
        List<String> differing = new ArrayList<>();
        for (ProvenanceRecord.FileHash frame : film.frameFiles()) {
            Path file = RecordPaths.resolve(recordFolder, frame.path());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            present++;
            try {
                if (!Sha256.of(file).equals(frame.sha256())) {
                    differing.add(frame.path());
                }
            } catch (IOException e) {
                differing.add(frame.path() + " (unreadable)");
            }
        }
        int total = film.frameFiles().size();
        if (present == 0) {
            return List.of(new Check.NotChecked(item, "none of its " + total + " frame files is at its recorded place"));
        }
        if (!differing.isEmpty()) {
            return List.of(new Check.Differs(item, differing.size() + " of " + total + " frame files differ, first " + differing.get(0)));
        }
        if (present < total) {
            return List.of(new Check.Differs(item, (total - present) + " of " + total + " frame files are missing; the others match"));
        }
        return List.of(new Check.Matches(item, "all " + total + " frame files match"));
    }

    private List<Check> checkPack() {
        ProvenanceRecord.Pack pack = record.pack();
        if (pack.manifestSha256() == null) {
            return List.of(new Check.NotChecked("pack " + pack.location(), "the record has no checksum of it"));
        }
        if ("built-in".equals(pack.location())) {
            try (InputStream in = ModelPack.class.getResourceAsStream(ModelPack.BUILTIN_RESOURCE_ROOT + ModelPack.MANIFEST_FILE)) {
                if (in == null) {
                    return List.of(new Check.NotChecked("pack built-in", "this Nitrate has no built-in pack"));
                }
                boolean same = Sha256.of(in).equals(pack.manifestSha256());
                return List.of(same ? new Check.Matches("pack built-in", "this Nitrate's built-in pack is the recorded one (" + pack.name() + " " + pack.version() + ")")
                        : new Check.Differs("pack built-in", "this Nitrate's built-in pack is not the recorded " + pack.name() + " " + pack.version()));
            } catch (IOException e) {
                return List.of(new Check.NotChecked("pack built-in", "cannot be read: " + e.getMessage()));
            }
        }
        Path folder = RecordPaths.resolve(recordFolder, pack.location());
        List<Check> checks = new ArrayList<>();
        checks.add(checkFile("pack " + pack.location() + "/" + ModelPack.MANIFEST_FILE, folder.resolve(ModelPack.MANIFEST_FILE), pack.manifestSha256()));
        for (ProvenanceRecord.Graph graph : pack.graphs()) {
            checks.add(checkFile("pack graph " + graph.role().toLowerCase(Locale.ROOT), folder.resolve(graph.file()), graph.sha256()));
        }
        return checks;
    }

    private static Check checkFile(String item, Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            return new Check.NotChecked(item, "not at its recorded place " + file);
        }
        try {
            return Sha256.of(file).equals(expected) ? new Check.Matches(item, "SHA-256 matches") : new Check.Differs(item, "SHA-256 differs");
        } catch (IOException e) {
            return new Check.Differs(item, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
