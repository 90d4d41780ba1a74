package dev.nitrate.engine.provenance;

import dev.nitrate.engine.checksum.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The part of a provenance record a video file carries in a container tag ({@value #TAG}): how it was made,
 * without what differs between two renders of the same request (the command line, paths, the device the
 * colorizer reported, times) and without the frame and audio checksums (which are taken of the finished file). Two equal
 * renders therefore stay equal byte for byte, whatever their names.
 */
public final class EmbeddedProvenance {

    /** The container tag's name: a Matroska tag, or an {@code mdta} metadata key in MOV and MP4. */
    public static final String TAG = "NITRATE_PROVENANCE";

    private EmbeddedProvenance() {}

    /** The time-free, path-free part of a record (the schema's own fields, the others absent). */
    public static ProvenanceRecord of(ProvenanceRecord full) {
        ProvenanceRecord.Film film = full.film();
        ProvenanceRecord.Pack pack = full.pack();
        ProvenanceRecord.Engine engine = full.engine();
        ProvenanceRecord.Output output = full.output();
        List<ProvenanceRecord.Exemplar> exemplars = full.exemplars().stream()
                .map(e -> new ProvenanceRecord.Exemplar(null, e.sha256(), e.frame(), e.fit())).toList();
        return new ProvenanceRecord(full.format(), full.nitrateVersion(), null,
                new ProvenanceRecord.Film(null, film.kind(), film.sha256(), null, film.sequenceFrameRate(), film.width(), film.height(),
                        film.frameCount(), film.frameFilesSha256()),
                exemplars, full.defaultFit(),
                new ProvenanceRecord.Pack("built-in".equals(pack.location()) ? pack.location() : null, pack.name(), pack.version(),
                        pack.manifestSha256(), pack.graphs(), pack.problem()),
                new ProvenanceRecord.Engine(engine.colorizer(), engine.deviceRequested(), null, engine.precision(), engine.intraOpThreads(),
                        engine.localAttention(), engine.ortSpinning(), engine.memory(), engine.memoryOverrides(),
                        engine.readoutBudgetBytes(), engine.modelMaxArea(), engine.exemplarIsFrame()),
                full.frames(), full.shots(), full.lumaLock(),
                new ProvenanceRecord.Output(null, output.format(), output.encoder(), output.copyAudio(), output.segmentFrames()),
                null, null, null, null, null);
    }

    /** The tag's value for a record: {@link #of} as one line of JSON. */
    public static String value(ProvenanceRecord full) {
        return ProvenanceJson.compact(of(full));
    }

    /** What the record says about the tag: its name and the checksum of its value. */
    public static ProvenanceRecord.Embedded describe(String value) {
        return new ProvenanceRecord.Embedded(TAG, Sha256.of(value.getBytes(StandardCharsets.UTF_8)));
    }
}
