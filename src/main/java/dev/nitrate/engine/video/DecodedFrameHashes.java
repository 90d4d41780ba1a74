package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;

import dev.nitrate.engine.checksum.Sha256;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * SHA-256 of each decoded frame's pixels, the way {@code ffmpeg -i FILE -map 0:v:0 -f framehash -hash sha256 -}
 * computes them: the frame as the decoder delivers it, in its own pixel format (for example {@code yuv420p},
 * {@code yuv420p10le}, {@code rgb24}, {@code rgb48be}), planes one after another, rows without padding. The
 * hashes depend only on the coded pictures, so a copy that was remuxed into another container still matches.
 */
public final class DecodedFrameHashes {

    /**
     * The hashes of the frames of one file, and the pixel format they were decoded to.
     *
     * @param pixelFormat FFmpeg's name of the decoded pixel format (of the first frame)
     * @param sha256 one lower-case hex SHA-256 per decoded frame, in decoding order of presentation
     */
    public record Hashes(String pixelFormat, List<String> sha256) {
        public Hashes {
            sha256 = List.copyOf(sha256);
        }
    }

    private DecodedFrameHashes() {}

    /** Decodes the first video stream of a file (a video, or one image) and hashes every frame. */
    public static Hashes of(Path file) throws MediaException {
        List<String> hashes = new ArrayList<>();
        String pixelFormat = "";
        try (FfmpegInput input = FfmpegInput.open(file)) {
            BytePointer buffer = null;
            int capacity = 0;
            try {
                while (input.decodeNext()) {
                    AVFrame frame = input.frame();
                    if (hashes.isEmpty()) {
                        pixelFormat = FfmpegSupport.pixelFormatName(frame.format());
                    }
                    int size = av_image_get_buffer_size(frame.format(), frame.width(), frame.height(), 1);
                    if (size < 0) {
                        throw new MediaException(file, "frame " + hashes.size() + " has a pixel format that cannot be hashed ("
                                + FfmpegSupport.errorText(size) + ")");
                    }
                    if (size > capacity) {
                        if (buffer != null) {
                            buffer.close();
                        }
                        buffer = new BytePointer(size);
                        capacity = size;
                    }
                    int copied = av_image_copy_to_buffer(buffer, size, frame.data(), frame.linesize(), frame.format(),
                            frame.width(), frame.height(), 1);
                    if (copied < 0) {
                        throw new MediaException(file, "frame " + hashes.size() + " cannot be read for hashing (" + FfmpegSupport.errorText(copied) + ")");
                    }
                    byte[] pixels = new byte[copied];
                    buffer.position(0).get(pixels, 0, copied);
                    MessageDigest digest = Sha256.newDigest();
                    digest.update(pixels);
                    hashes.add(Sha256.hex(digest.digest()));
                }
            } finally {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
        return new Hashes(pixelFormat, hashes);
    }
}
