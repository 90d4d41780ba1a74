package dev.nitrate.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encodes the same frames many times in one process and expects the same bytes every time. At these sizes
 * x264's AVX-512 macroblock-tree code used memory it never wrote: on an AVX-512 machine 1 to 10 of 24
 * encodes differed from the rest, and this test failed 3 runs in 5 before x264 was limited to AVX2.
 */
class EncoderRepeatabilityTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"H264, 160, 96, medium, 40", "H264, 200, 120, veryfast, 40", "H264, 144, 96, medium, 40", "H265, 160, 96, medium, 4"})
    void theSameFramesEncodeToTheSameBytesEveryTime(VideoCodec codec, int width, int height, String preset, int encodes) throws Exception {
        List<RgbPixels> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            frames.add(TestMedia.numberedGrayFrame(i, width, height));
        }
        VideoEncodeSettings settings = new VideoEncodeSettings(codec, 18, false, preset, width, height, new Rational(24000, 1001));
        Map<String, Integer> digests = new TreeMap<>();
        for (int attempt = 0; attempt < encodes; attempt++) {
            Path file = folder.resolve("encode-" + attempt + ".nut");
            try (VideoSegmentWriter writer = VideoSegmentWriter.create(file, VideoSegmentWriter.SEGMENT_CONTAINER, settings)) {
                for (RgbPixels frame : frames) {
                    writer.write(new OutputFrame(frame, Optional.empty()));
                }
                writer.finish();
            }
            digests.merge(sha256(file), 1, Integer::sum);
            Files.delete(file);
        }
        assertEquals(1, digests.size(), codec + " " + width + "x" + height + " gave different files (SHA-256 prefix: count): " + digests);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))).substring(0, 16);
    }
}
