package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_TIMECODE_STR_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_timecode_init_from_string;
import static org.bytedeco.ffmpeg.global.avutil.av_timecode_make_string;

import java.util.Optional;
import org.bytedeco.ffmpeg.avutil.AVTimecode;

/** SMPTE timecode arithmetic, by FFmpeg's rules (drop-frame when the timecode is written with {@code ;} or {@code .}). */
public final class Timecodes {

    private Timecodes() {}

    /**
     * The timecode {@code frames} frames after {@code start} at the given rate, e.g. {@code 01:00:00:00} plus 10 frames at 25 fps is
     * {@code 01:00:00:10}; empty when {@code start} is not a timecode FFmpeg accepts at that rate.
     */
    public static Optional<String> plusFrames(String start, Rational rate, long frames) {
        FfmpegSupport.init();
        if (frames < 0 || frames > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        try (AVTimecode timecode = new AVTimecode()) {
            int result = av_timecode_init_from_string(timecode, FfmpegSupport.rational(rate.numerator(), rate.denominator()), start, null);
            if (result < 0) {
                return Optional.empty();
            }
            byte[] text = new byte[AV_TIMECODE_STR_SIZE];
            av_timecode_make_string(timecode, text, (int) frames);
            int end = 0;
            while (end < text.length && text[end] != 0) {
                end++;
            }
            return Optional.of(new String(text, 0, end, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
