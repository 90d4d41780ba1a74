package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/** Reads the tags a video file carries for the whole file (Matroska tags, MOV/MP4 metadata). */
public final class ContainerTags {

    private ContainerTags() {}

    /** The value of one file-level tag (name compared without regard to case), if the file has it. */
    public static Optional<String> read(Path file, String name) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            if (input.format().metadata() == null || input.format().metadata().isNull()) {
                return Optional.empty();
            }
            AVDictionaryEntry entry = av_dict_get(input.format().metadata(), name, null, 0);
            return entry == null || entry.isNull() ? Optional.empty() : Optional.of(entry.value().getString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
