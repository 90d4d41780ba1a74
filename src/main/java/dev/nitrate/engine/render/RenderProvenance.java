package dev.nitrate.engine.render;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.memory.MemoryParameters;
import dev.nitrate.engine.pack.GraphSpec;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.pack.PackManifest;
import dev.nitrate.engine.provenance.EmbeddedProvenance;
import dev.nitrate.engine.provenance.NitrateVersion;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.provenance.RecordPaths;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.video.AudioPayloadHashes;
import dev.nitrate.engine.video.DecodedFrameHashes;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.SourceKind;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers a render's provenance record while it runs: the inputs' checksums and the settings (before the
 * output is assembled, so that a video can carry them in a container tag), then the checksum of every output
 * frame, decoded from the finished output before it is put in place, and of its audio streams' packets.
 */
final class RenderProvenance {

    /** The engine runs every network on float32 tensors. */
    static final String PRECISION = "fp32";

    private static final Pattern FRAME_FILE = Pattern.compile("frame_(\\d+)\\..*");

    private final RenderRequest request;
    private final ProvenanceRecord.Origin origin;
    private final ColorizerFactory factory;
    private Instant started = Instant.now();
    private String deviceUsed;
    private ProvenanceRecord timeFree;

    RenderProvenance(RenderRequest request, ProvenanceRecord.Origin origin, ColorizerFactory factory) {
        this.request = request;
        this.origin = origin;
        this.factory = factory;
    }

    void started() {
        started = Instant.now();
    }

    void engineOpened(String deviceDescription) {
        deviceUsed = deviceDescription.replaceAll("\\s+", " ").trim();
    }

    /** The tags a video output carries: the record's time-free part (see {@link EmbeddedProvenance}); none for frames. */
    Map<String, String> containerTags(OutputGuard guard, FilmInfo info, FrameRange range, List<Shot> shots) throws IOException, MediaException {
        ProvenanceRecord inputs = inputs(guard, info, range, shots);
        return request.output().format().isVideo() ? Map.of(EmbeddedProvenance.TAG, EmbeddedProvenance.value(inputs)) : Map.of();
    }

    /**
     * The complete record for an output finished in the work folder.
     *
     * @param finished the assembled video, or the folder of frames
     * @param frameFiles the frames' file names in that folder, in order (empty for a video)
     */
    ProvenanceRecord complete(OutputGuard guard, FilmInfo info, FrameRange range, List<Shot> shots, Path finished, List<String> frameFiles)
            throws IOException, MediaException {
        ProvenanceRecord inputs = inputs(guard, info, range, shots);
        List<ProvenanceRecord.FrameHash> hashes = new ArrayList<>();
        String pixelFormat = "";
        if (frameFiles.isEmpty()) {
            DecodedFrameHashes.Hashes decoded = DecodedFrameHashes.of(finished);
            pixelFormat = decoded.pixelFormat();
            for (int i = 0; i < decoded.sha256().size(); i++) {
                hashes.add(new ProvenanceRecord.FrameHash(range.first() + i, null, decoded.sha256().get(i)));
            }
        } else {
            for (int i = 0; i < frameFiles.size(); i++) {
                DecodedFrameHashes.Hashes decoded = DecodedFrameHashes.of(finished.resolve(frameFiles.get(i)));
                pixelFormat = i == 0 ? decoded.pixelFormat() : pixelFormat;
                hashes.add(new ProvenanceRecord.FrameHash(frameNumber(frameFiles.get(i), range.first() + i), frameFiles.get(i), decoded.sha256().get(0)));
            }
        }
        ProvenanceRecord.Embedded embedded = request.output().format().isVideo()
                ? EmbeddedProvenance.describe(EmbeddedProvenance.value(inputs)) : null;
        return new ProvenanceRecord(inputs.format(), inputs.nitrateVersion(), inputs.origin(), inputs.film(), inputs.exemplars(), inputs.defaultFit(),
                inputs.pack(), inputs.engine(), inputs.frames(), inputs.shots(), inputs.lumaLock(), inputs.output(), embedded,
                started.truncatedTo(ChronoUnit.MILLIS).toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                new ProvenanceRecord.OutputFrames(ProvenanceRecord.OutputFrames.METHOD, pixelFormat, hashes.size(), hashes),
                frameFiles.isEmpty() ? audio(finished) : null);
    }

    private static List<ProvenanceRecord.AudioHash> audio(Path video) throws MediaException {
        List<AudioPayloadHashes.StreamHash> streams = AudioPayloadHashes.of(video);
        List<ProvenanceRecord.AudioHash> hashes = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            hashes.add(new ProvenanceRecord.AudioHash(i, streams.get(i).codec(), streams.get(i).packets(), streams.get(i).sha256()));
        }
        return hashes;
    }

    private ProvenanceRecord inputs(OutputGuard guard, FilmInfo info, FrameRange range, List<Shot> shots) throws IOException, MediaException {
        if (timeFree == null) {
            Path recordFolder = guard.recordFile().getParent();
            List<ProvenanceRecord.Exemplar> exemplars = new ArrayList<>();
            for (PinnedExemplar exemplar : request.exemplars()) {
                exemplars.add(new ProvenanceRecord.Exemplar(RecordPaths.relative(recordFolder, exemplar.image()), Sha256.of(exemplar.image()),
                        exemplar.frameOr(range.first()), name(exemplar.fitOr(request.fit()))));
            }
            List<ProvenanceRecord.FrameSpan> shotSpans = shots.stream().map(s -> ProvenanceRecord.FrameSpan.of(s.first(), s.last())).toList();
            PackFacts pack = pack(recordFolder);
            timeFree = new ProvenanceRecord(ProvenanceRecord.FORMAT, NitrateVersion.current(), origin, film(recordFolder, info), exemplars,
                    name(request.fit()), pack.record(), engine(pack.memory()), ProvenanceRecord.FrameSpan.of(range.first(), range.last()), shotSpans,
                    request.output().lumaLock(), output(guard, info), null, null, null, null, null);
        }
        return timeFree;
    }

    private ProvenanceRecord.Film film(Path recordFolder, FilmInfo info) throws IOException, MediaException {
        String path = RecordPaths.relative(recordFolder, request.film());
        if (info.kind() == SourceKind.VIDEO_FILE) {
            return new ProvenanceRecord.Film(path, "video-file", Sha256.of(request.film()), null, null, info.width(), info.height(),
                    info.frameCount(), null);
        }
        List<ProvenanceRecord.FileHash> frames = new ArrayList<>();
        StringBuilder manifest = new StringBuilder();
        for (Path file : Films.frameFiles(request.film())) {
            ProvenanceRecord.FileHash hash = new ProvenanceRecord.FileHash(RecordPaths.relative(recordFolder, file), Sha256.of(file));
            frames.add(hash);
            manifest.append(hash.sha256()).append("  ").append(hash.path()).append('\n');
        }
        return new ProvenanceRecord.Film(path, "image-sequence", null, frames, info.frameRate().toString(), info.width(), info.height(),
                info.frameCount(), Sha256.of(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private record PackFacts(ProvenanceRecord.Pack record, MemoryParameters memory) {}

    private PackFacts pack(Path recordFolder) throws IOException {
        PackLocation location = request.pack();
        String where = location instanceof PackLocation.Folder folder ? RecordPaths.relative(recordFolder, folder.directory()) : "built-in";
        ModelPack pack;
        try {
            pack = ModelPack.load(location);
        } catch (PackException e) {
            return new PackFacts(new ProvenanceRecord.Pack(where, null, null, null, List.of(), e.getMessage()), null);
        }
        PackManifest manifest = pack.manifest();
        String manifestHash;
        if (location instanceof PackLocation.Folder folder) {
            manifestHash = Sha256.of(folder.directory().resolve(ModelPack.MANIFEST_FILE));
        } else {
            try (InputStream in = ModelPack.class.getResourceAsStream(ModelPack.BUILTIN_RESOURCE_ROOT + ModelPack.MANIFEST_FILE)) {
                manifestHash = Sha256.of(in);
            }
        }
        List<ProvenanceRecord.Graph> graphs = manifest.graphs().values().stream()
                .sorted(Comparator.comparing(GraphSpec::role))
                .map(g -> new ProvenanceRecord.Graph(g.role(), g.file(), g.sha256())).toList();
        MemoryParameters memory = manifest.memory().with(request.inference().memoryOverrides());
        return new PackFacts(new ProvenanceRecord.Pack(where, manifest.name(), manifest.version(), manifestHash, graphs, null), memory);
    }

    private ProvenanceRecord.Engine engine(MemoryParameters memory) {
        InferenceOptions inference = request.inference();
        ProvenanceRecord.Memory settings = memory == null ? null : new ProvenanceRecord.Memory(memory.topK(), memory.memEvery(),
                memory.minMidTermFrames(), memory.maxMidTermFrames(), memory.numPrototypes(), memory.maxLongTermElements(), memory.deepUpdate());
        Map<String, Integer> overrides = new LinkedHashMap<>();
        InferenceOptions.MemoryOverrides given = inference.memoryOverrides();
        if (given != null) {
            putIfSet(overrides, "topK", given.topK());
            putIfSet(overrides, "memEvery", given.memEvery());
            putIfSet(overrides, "minMidTermFrames", given.minMidTermFrames());
            putIfSet(overrides, "maxMidTermFrames", given.maxMidTermFrames());
            putIfSet(overrides, "numPrototypes", given.numPrototypes());
            putIfSet(overrides, "maxLongTermElements", given.maxLongTermElements());
        }
        return new ProvenanceRecord.Engine(factory.getClass().getName(), inference.device().toString(), deviceUsed, PRECISION,
                inference.intraOpThreads(), name(inference.localAttention()), inference.ortSpinning(), settings, overrides,
                inference.readoutBudgetBytes(), inference.modelMaxArea(), request.exemplarIsFrame());
    }

    private static void putIfSet(Map<String, Integer> map, String key, Integer value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private ProvenanceRecord.Output output(OutputGuard guard, FilmInfo info) {
        OutputSpec spec = request.output();
        OutputFormat format = spec.format();
        ProvenanceRecord.Encoder encoder;
        if (format.isVideo()) {
            VideoEncodeSettings settings = format.encodeSettings(info, spec.crf(), spec.lumaLock(), spec.preset());
            boolean lossless = settings.lossless() || settings.codec().alwaysLossless();
            encoder = new ProvenanceRecord.Encoder(settings.codec().encoderName(), OutputFormat.containerFor(guard.target()).orElse(null),
                    lossless ? null : settings.crf(), settings.codec().alwaysLossless() ? null : settings.preset(), lossless,
                    settings.bitDepth(), settings.outputTags().describe());
        } else {
            encoder = new ProvenanceRecord.Encoder(format.imageFormat().orElseThrow().extension(), null, null, null, true,
                    format.keptBitDepth(info), null);
        }
        return new ProvenanceRecord.Output(guard.target().getFileName().toString(), format.cliName(), encoder,
                format.isVideo() && spec.copyAudio(), request.segmentFrames());
    }

    /** The film frame an output file was made from, by its name ({@code frame_000123.png}), else its place. */
    private static long frameNumber(String fileName, long byPlace) {
        Matcher number = FRAME_FILE.matcher(fileName);
        return number.matches() ? Long.parseLong(number.group(1)) : byPlace;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
