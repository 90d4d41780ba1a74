package dev.nitrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nitrate.engine.video.AudioStreamInfo;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.NumberGap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nitrate info FILM}: what a film is. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a film's size, exact frame rate, frame count, duration, timecode, interlacing and audio streams.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILM", description = "A video file, a folder of images or a printf pattern (frame_%%05d.tif).")
    Path film;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        common.apply();
        PrintWriter out = spec.commandLine().getOut();
        FilmInfo info;
        try {
            info = Films.probe(film, common.openOptions());
        } catch (MediaException e) {
            return CommandResult.failure(e.getMessage(), e).exit(spec.commandLine().getErr(), common.verbose);
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(info)));
        } else {
            printText(info, out);
        }
        out.flush();
        return Failures.OK;
    }

    static Map<String, Object> toJson(FilmInfo info) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", info.source().toString());
        map.put("kind", info.kind().name().toLowerCase(Locale.ROOT));
        map.put("container", info.container());
        map.put("codec", info.codec());
        map.put("width", info.width());
        map.put("height", info.height());
        map.put("bitDepth", info.bitDepth());
        map.put("pixelFormat", info.pixelFormat());
        map.put("frameRate", Map.of("numerator", info.frameRate().numerator(), "denominator", info.frameRate().denominator(),
                "text", info.frameRate().toString(), "fps", info.frameRate().toDouble()));
        map.put("frameCount", info.frameCount());
        map.put("durationSeconds", info.durationSeconds());
        map.put("timecode", info.timecode().orElse(null));
        map.put("interlaced", info.interlaced());
        map.put("fieldOrder", info.fieldOrder().name().toLowerCase(Locale.ROOT));
        map.put("variableFrameRate", info.isVariableFrameRate());
        map.put("missingFrames", info.missingNumbers().stream().map(Object::toString).toList());
        map.put("colour", info.colour().describe());
        List<Map<String, Object>> audio = new ArrayList<>();
        for (AudioStreamInfo stream : info.audioStreams()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("streamIndex", stream.streamIndex());
            entry.put("codec", stream.codec());
            entry.put("channels", stream.channels());
            entry.put("sampleRate", stream.sampleRate());
            entry.put("language", stream.language());
            audio.add(entry);
        }
        map.put("audioStreams", audio);
        return map;
    }

    static void printText(FilmInfo info, PrintWriter out) {
        out.printf(Locale.ROOT, "File:        %s%n", info.source());
        out.printf(Locale.ROOT, "Kind:        %s (%s)%n", info.kind() == dev.nitrate.engine.video.SourceKind.VIDEO_FILE ? "video file" : "image sequence", info.container());
        out.printf(Locale.ROOT, "Video:       %s, %dx%d, %s, %d bit, %s%n", info.codec(), info.width(), info.height(), info.pixelFormat(),
                info.bitDepth(), info.fieldOrder().description());
        out.printf(Locale.ROOT, "Colour:      %s%n", info.colour().describe());
        out.printf(Locale.ROOT, "Frame rate:  %s (%s fps)%s%n", info.frameRate(), info.frameRate().display(),
                info.isVariableFrameRate() ? ", variable: frames are unevenly spaced" : "");
        out.printf(Locale.ROOT, "Frames:      %d%n", info.frameCount());
        if (!info.missingNumbers().isEmpty()) {
            out.printf(Locale.ROOT, "Missing:     %s (numbering gap; the present frames are read in order)%n", NumberGap.describe(info.missingNumbers()));
        }
        out.printf(Locale.ROOT, "Duration:    %s (%.3f s)%n", ProgressBar.clock(info.durationSeconds()), info.durationSeconds());
        out.printf(Locale.ROOT, "Timecode:    %s%n", info.timecode().orElse("none"));
        if (info.audioStreams().isEmpty()) {
            out.printf(Locale.ROOT, "Audio:       none%n");
        }
        for (AudioStreamInfo stream : info.audioStreams()) {
            out.printf(Locale.ROOT, "Audio:       #%d %s, %d ch, %d Hz%s%n", stream.streamIndex(), stream.codec(), stream.channels(), stream.sampleRate(),
                    stream.language().isEmpty() ? "" : ", " + stream.language());
        }
    }
}
