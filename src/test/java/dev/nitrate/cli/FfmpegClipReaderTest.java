package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.metrics.RgbFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegClipReaderTest {

    private static Path pattern() throws Exception {
        Path first = Path.of(FfmpegClipReaderTest.class.getResource("/metrics/agreement/gt/00000.png").toURI());
        return first.getParent().resolve("%05d.png");
    }

    @Test
    void scaledFramesKeepTheColoursOfTheOriginal() throws Exception {
        RgbFrame full;
        RgbFrame scaled;
        try (FfmpegClipReader reader = FfmpegClipReader.open(pattern(), 0, 0)) {
            full = reader.next().orElseThrow();
        }
        try (FfmpegClipReader reader = FfmpegClipReader.open(pattern(), 98, 74)) {
            assertEquals(98, reader.width());
            scaled = reader.next().orElseThrow();
        }
        assertEquals(98 * 74 * 3, scaled.rgb().length);
        for (int c = 0; c < 3; c++) {
            assertEquals(mean(full, c), mean(scaled, c), 2.0, "channel " + c);
        }
    }

    @Test
    void aFileThatIsNotVideoIsRefusedByName(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        IOException e = assertThrows(IOException.class, () -> FfmpegClipReader.open(junk, 0, 0));
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());
    }

    private static double mean(RgbFrame frame, int channel) {
        double sum = 0;
        for (int j = channel; j < frame.rgb().length; j += 3) {
            sum += frame.rgb()[j] & 0xFF;
        }
        return sum / frame.pixelCount();
    }
}
