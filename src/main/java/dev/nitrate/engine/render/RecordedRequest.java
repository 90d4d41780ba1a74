package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.provenance.ProvenanceException;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.provenance.RecordPaths;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The render a provenance record describes, as a request again: for reproducing it ({@code nitrate verify --rerender}). */
public final class RecordedRequest {

    private RecordedRequest() {}

    /**
     * The recorded request, written to {@code output} instead of the recorded output.
     *
     * @param recordFile the record's file: its paths are relative to its folder
     * @throws ProvenanceException naming the input that is not at its recorded place, or a setting this Nitrate does not know
     */
    public static RenderRequest of(ProvenanceRecord record, Path recordFile, Path output) throws ProvenanceException {
        Path folder = recordFile.toAbsolutePath().normalize().getParent();
        try {
            Path film = RecordPaths.resolve(folder, record.film().path());
            boolean sequence = record.film().frameFiles() != null;
            if (!sequence && !Files.isRegularFile(film) || sequence && record.film().frameFiles().stream()
                    .anyMatch(f -> !Files.isRegularFile(RecordPaths.resolve(folder, f.path())))) {
                throw new ProvenanceException(film + ": the film is not at its recorded place (" + record.film().path() + " from " + recordFile
                        + "); it cannot be rendered again");
            }
            Rational rate = record.film().sequenceFrameRate() == null ? FilmOpenOptions.DEFAULT_SEQUENCE_RATE
                    : Rational.parse(record.film().sequenceFrameRate());
            List<PinnedExemplar> exemplars = new ArrayList<>();
            for (ProvenanceRecord.Exemplar exemplar : record.exemplars()) {
                Path image = RecordPaths.resolve(folder, exemplar.path());
                if (!Files.isRegularFile(image)) {
                    throw new ProvenanceException(image + ": the exemplar is not at its recorded place (" + exemplar.path() + " from " + recordFile
                            + "); the film cannot be rendered again");
                }
                exemplars.add(new PinnedExemplar(image, OptionalLong.of(exemplar.frame()), Optional.of(fit(exemplar.fit()))));
            }
            ProvenanceRecord.Output recorded = record.output();
            ProvenanceRecord.Encoder encoder = recorded.encoder();
            OutputSpec spec = new OutputSpec(output, OutputFormat.parse(recorded.format()),
                    encoder.crf() == null ? VideoEncodeSettings.DEFAULT_CRF : encoder.crf(), record.lumaLock(),
                    encoder.preset() == null ? VideoEncodeSettings.DEFAULT_PRESET : encoder.preset(), recorded.copyAudio(), false);
            PackLocation pack = "built-in".equals(record.pack().location()) ? PackLocation.BUILTIN
                    : new PackLocation.Folder(RecordPaths.resolve(folder, record.pack().location()));
            ProvenanceRecord.Engine engine = record.engine();
            InferenceOptions inference = new InferenceOptions(ComputeDevice.parse(engine.deviceRequested()), engine.intraOpThreads(),
                    overrides(engine.memoryOverrides()), InferenceOptions.LocalAttentionPath.valueOf(engine.localAttention().toUpperCase(Locale.ROOT)),
                    engine.ortSpinning());
            if (engine.readoutBudgetBytes() != null) {
                inference = inference.withReadoutBudget(engine.readoutBudgetBytes());
            }
            inference = inference.withModelMaxArea(engine.modelMaxArea());
            ProvenanceRecord.FrameSpan frames = record.frames();
            return new RenderRequest(film, new FilmOpenOptions(rate, false), exemplars, fit(record.defaultFit()),
                    Optional.of(new FrameRange(frames.first(), frames.last())), spec, pack, inference, recorded.segmentFrames(),
                    Boolean.TRUE.equals(engine.exemplarIsFrame()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProvenanceException(recordFile + ": damaged record, its settings cannot be rendered again (" + e.getMessage() + ")", e);
        }
    }

    private static ExemplarFit fit(String name) {
        return ExemplarFit.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static InferenceOptions.MemoryOverrides overrides(Map<String, Integer> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        return new InferenceOptions.MemoryOverrides(given.get("topK"), given.get("memEvery"), given.get("minMidTermFrames"),
                given.get("maxMidTermFrames"), given.get("numPrototypes"), given.get("maxLongTermElements"));
    }
}
