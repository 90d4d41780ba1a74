package dev.nitrate.engine.render;

import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.NumberGap;
import dev.nitrate.engine.video.Timecodes;
import dev.nitrate.engine.video.VideoMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What of a film's timing and scanning a render keeps (timecode, field order, frame timestamps), and the one-line warnings for
 * what it cannot keep or changes.
 */
final class SourceFidelity {

    private SourceFidelity() {}

    /** The timecode of the first rendered frame: the film's start timecode plus the frames skipped before the range. */
    static Optional<String> startTimecode(FilmInfo info, FrameRange range) {
        return info.timecode().flatMap(start -> Timecodes.plusFrames(start, info.frameRate(), range.first()));
    }

    /** What a video output of the range carries from the film. */
    static VideoMetadata videoMetadata(FilmInfo info, FrameRange range) {
        return new VideoMetadata(startTimecode(info, range), info.fieldOrder(),
                info.variableTiming().map(times -> times.slice(range.first(), range.last())));
    }

    /** One line for each thing about the film that the output loses or that the user should know about how it is kept. */
    static List<String> warnings(Path film, FilmInfo info, FrameRange range, OutputFormat format) {
        List<String> lines = new ArrayList<>();
        String sequence = format.isVideo() ? "" : "a " + format + " sequence";
        if (!info.missingNumbers().isEmpty()) {
            long missing = info.missingNumbers().stream().mapToLong(NumberGap::size).sum();
            lines.add(film + ": " + NumberGap.describe(info.missingNumbers()) + " missing from the numbered sequence (" + missing
                    + " file" + (missing == 1 ? "" : "s") + "); the " + info.frameCount() + " present frames are read in order, closing the gap");
        }
        if (info.timecode().isPresent()) {
            Optional<String> start = startTimecode(info, range);
            if (start.isEmpty()) {
                lines.add(film + ": timecode '" + info.timecode().get() + "' is not valid at " + info.frameRate().display()
                        + " fps; the output carries no timecode");
            } else if (!format.isVideo()) {
                lines.add(film + ": start timecode " + start.get() + " (frame " + range.first() + ") cannot be stored in " + sequence
                        + "; it is not kept (write .mov, .mkv or .mp4 to keep it)");
            }
        }
        if (info.interlaced()) {
            String coding = format == OutputFormat.H264 ? "H.264 codes it interlaced" : "H.265 codes it as progressive pictures";
            lines.add(film + " is " + info.fieldOrder().description() + ": " + (format.isVideo()
                    ? "the output is flagged so and " + coding + ", but the colorizer works on whole frames (both fields together)"
                    : sequence + " cannot flag it; the frames are written whole, both fields interleaved"));
        }
        if (info.isVariableFrameRate()) {
            String average = String.format(Locale.ROOT, "%.3f", info.frameCount() / info.durationSeconds());
            lines.add(film + " has a variable frame rate (" + info.frameCount() + " frames in " + String.format(Locale.ROOT, "%.3f", info.durationSeconds())
                    + " s, " + average + " fps on average): " + (format.isVideo()
                    ? "each output frame keeps its source timestamp"
                    : sequence + " has no timestamps; the frames are written in order and their timing is lost"));
        }
        return lines;
    }
}
