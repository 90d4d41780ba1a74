package dev.nitrate.engine.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one output was made: the record Nitrate writes beside every finished render as {@code OUT.nitrate.json}
 * ({@value #FORMAT}; the fields are described in docs/provenance.md). Paths are relative to the record's folder
 * where they can be, written with {@code /}.
 *
 * @param format always {@value #FORMAT}
 * @param nitrateVersion the version of Nitrate that rendered
 * @param origin what started the render: a command line, an editor project, or a program
 * @param film the film and its checksums
 * @param exemplars every exemplar of the request, with its checksum, pin and fit
 * @param defaultFit the fit of exemplars that have none of their own ({@code stretch}, {@code crop}, {@code pad})
 * @param pack the model pack: its name, the checksum of its manifest and of each graph
 * @param engine the colorizer, device, precision and memory settings
 * @param frames the film's frames that were rendered
 * @param shots the shots the render coloured separately, in film frame numbers
 * @param lumaLock whether the output keeps the film's luma exactly
 * @param output the output, its format and the encoder's settings
 * @param embedded what the video file carries of this record in its container tags, or {@code null} when nothing
 * @param started when the run that finished the render started (ISO-8601, UTC)
 * @param finished when it finished
 * @param outputFrames a checksum of every output frame's decoded pixels
 * @param outputAudio a checksum of each audio stream of a video output (empty when it has none; absent for frames)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvenanceRecord(
        String format,
        String nitrateVersion,
        Origin origin,
        Film film,
        List<Exemplar> exemplars,
        String defaultFit,
        Pack pack,
        Engine engine,
        FrameSpan frames,
        List<FrameSpan> shots,
        boolean lumaLock,
        Output output,
        Embedded embedded,
        String started,
        String finished,
        OutputFrames outputFrames,
        List<AudioHash> outputAudio) {

    /** The version of this schema. */
    public static final String FORMAT = "nitrate-provenance/1";

    public ProvenanceRecord {
        Objects.requireNonNull(format, "format");
        exemplars = List.copyOf(exemplars);
        shots = List.copyOf(shots);
        outputAudio = outputAudio == null ? null : List.copyOf(outputAudio);
    }

    /**
     * What started the render.
     *
     * @param kind {@value #COMMAND_LINE}, {@value #EDITOR} or {@value #PROGRAM}
     * @param commandLine the arguments as given, starting with {@code nitrate}, for a command line
     * @param project the editor's project file, relative to the record, when the editor knows it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String kind, List<String> commandLine, String project) {
        public static final String COMMAND_LINE = "command-line";
        public static final String EDITOR = "editor-project";
        public static final String PROGRAM = "program";

        public Origin {
            Objects.requireNonNull(kind, "kind");
            commandLine = commandLine == null ? null : List.copyOf(commandLine);
        }

        /** A render started by {@code nitrate ARGS...}. */
        public static Origin commandLine(List<String> arguments) {
            return new Origin(COMMAND_LINE, arguments, null);
        }

        /** An export from the editor; {@code project} is the project file's path relative to the record, or {@code null}. */
        public static Origin editor(String project) {
            return new Origin(EDITOR, null, project);
        }

        /** A render a program started through the engine's API. */
        public static Origin program() {
            return new Origin(PROGRAM, null, null);
        }
    }

    /**
     * The film.
     *
     * @param path the video file, folder or printf pattern, relative to the record where possible
     * @param kind {@code video-file} or {@code image-sequence}
     * @param sha256 the video file's checksum (a video file)
     * @param frameFiles the checksum of every image file in frame order (an image sequence): its manifest
     * @param sequenceFrameRate the frame rate an image sequence was read at, e.g. {@code 24/1}
     * @param width frame width
     * @param height frame height
     * @param frameCount frames in the film
     * @param frameFilesSha256 the checksum of the manifest {@code frameFiles} in {@code sha256sum} form (one line "HASH  PATH" per frame), for a sequence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Film(String path, String kind, String sha256, List<FileHash> frameFiles, String sequenceFrameRate, int width, int height,
            long frameCount, String frameFilesSha256) {
        public Film {
            frameFiles = frameFiles == null ? null : List.copyOf(frameFiles);
        }
    }

    /** A file and its SHA-256; {@code path} is relative to the film's folder for a sequence's frames. */
    public record FileHash(String path, String sha256) {}

    /**
     * An exemplar.
     *
     * @param path the image, relative to the record where possible
     * @param sha256 its checksum
     * @param frame the film frame it is pinned to
     * @param fit how it was fitted to the frame
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Exemplar(String path, String sha256, long frame, String fit) {}

    /**
     * The model pack.
     *
     * @param location {@code built-in}, or the pack folder relative to the record where possible
     * @param name the manifest's name
     * @param version the manifest's version
     * @param manifestSha256 the checksum of {@code pack.json}
     * @param graphs each graph's role, file and checksum
     * @param problem why the pack could not be read for the record (the name, version and checksums are then absent)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pack(String location, String name, String version, String manifestSha256, List<Graph> graphs, String problem) {
        public Pack {
            graphs = List.copyOf(graphs);
        }
    }

    /** One ONNX graph of the pack. */
    public record Graph(String role, String file, String sha256) {}

    /**
     * Where and how the networks ran.
     *
     * @param colorizer the colorization engine (its factory class)
     * @param deviceRequested the device asked for ({@code cpu}, {@code cuda:0})
     * @param deviceUsed what the colorizer reported running on, or {@code null} when the run that finished had no frame left to colour
     * @param precision the tensors' number type
     * @param intraOpThreads threads per network run (0: ONNX Runtime chose)
     * @param localAttention {@code window} or {@code graph}
     * @param ortSpinning whether ONNX Runtime's threads spun
     * @param memory the memory bank's settings in effect (the pack's, with the overrides), or {@code null} when the pack could not be read
     * @param memoryOverrides the settings that replaced the pack's own (empty when none)
     * @param readoutBudgetBytes memory for one block of the memory readout ({@code --readout-memory}; results do not depend on it)
     * @param modelMaxArea the largest frame area the networks ran at ({@code --model-size}), or {@code null} for the pack's own
     * @param exemplarIsFrame whether each exemplar was the colour version of the frame it is pinned to ({@code --exemplar-is-frame})
     *     rather than a separate reference
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Engine(String colorizer, String deviceRequested, String deviceUsed, String precision, int intraOpThreads, String localAttention,
            boolean ortSpinning, Memory memory, Map<String, Integer> memoryOverrides, Long readoutBudgetBytes, Integer modelMaxArea,
            Boolean exemplarIsFrame) {
        public Engine {
            memoryOverrides = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(memoryOverrides));
        }
    }

    /** The memory bank's settings (docs/model-pack-format.md, {@code memory}). */
    public record Memory(int topK, int memEvery, int minMidTermFrames, int maxMidTermFrames, int numPrototypes, int maxLongTermElements,
            boolean deepUpdate) {}

    /** Film frames {@code first..last}, both inclusive, and how many they are. */
    public record FrameSpan(long first, long last, long count) {
        public static FrameSpan of(long first, long last) {
            return new FrameSpan(first, last, last - first + 1);
        }
    }

    /**
     * The output.
     *
     * @param path the video file or frames folder, relative to the record (its own name)
     * @param format {@code h264}, {@code h265}, {@code h265-10}, {@code ffv1}, {@code png} or {@code tiff}
     * @param encoder the encoder and its settings
     * @param copyAudio whether the film's audio was copied into a video output
     * @param segmentFrames frames per resumable segment (video segments are encoded separately, so this shapes the bytes)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String path, String format, Encoder encoder, boolean copyAudio, int segmentFrames) {}

    /**
     * What wrote the frames.
     *
     * @param name {@code libx264}, {@code libx265}, {@code ffv1}, {@code png} or {@code tiff}
     * @param container FFmpeg's muxer for a video ({@code mp4}, {@code mov}, {@code matroska}), {@code null} for frames
     * @param crf x264/x265 constant rate factor (ignored when lossless)
     * @param preset x264/x265 speed preset
     * @param lossless whether the video was encoded losslessly
     * @param bitDepth bits per component written
     * @param colourTags the colour tags written (video)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Encoder(String name, String container, Integer crf, String preset, Boolean lossless, int bitDepth, String colourTags) {}

    /**
     * The part of the record a video file carries in its container tags: no times, paths or device, so that
     * equal renders stay equal byte for byte.
     *
     * @param tag the container tag's name
     * @param sha256 the checksum of the tag's value
     */
    public record Embedded(String tag, String sha256) {}

    /**
     * A checksum of every output frame.
     *
     * @param method how each frame is hashed (see {@link #METHOD})
     * @param pixelFormat the pixel format the frames decode to
     * @param count how many frames the output holds
     * @param frames one entry per output frame, in order
     */
    public record OutputFrames(String method, String pixelFormat, long count, List<FrameHash> frames) {

        /** SHA-256 of the decoded frame's planes in its own pixel format, as {@code ffmpeg -f framehash -hash sha256} writes it. */
        public static final String METHOD = "sha256-of-decoded-pixels (ffmpeg -f framehash -hash sha256)";

        public OutputFrames {
            frames = List.copyOf(frames);
        }
    }

    /**
     * One audio stream of a video output: the SHA-256 of its coded packets' payloads, one after another (no
     * timestamps or container framing), so a remuxed copy matches.
     *
     * @param stream its place among the file's audio streams, from 0
     * @param codec FFmpeg's codec name
     * @param packets how many packets it holds
     * @param sha256 the checksum
     */
    public record AudioHash(int stream, String codec, long packets, String sha256) {}

    /**
     * One output frame.
     *
     * @param frame the film frame it was made from
     * @param file the image file in the output folder (frames only)
     * @param sha256 the checksum of its decoded pixels
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FrameHash(long frame, String file, String sha256) {}
}
