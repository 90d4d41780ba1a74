package dev.nitrate.engine.metrics;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FilmFramesTest {

    private static Path pattern() throws Exception {
        Path first = Path.of(FilmFramesTest.class.getResource("/metrics/agreement/gt/00000.png").toURI());
        return first.getParent().resolve("%05d.png");
    }

    @Test
    void decodesLosslessFramesExactlyAndInOrder() throws Exception {
        try (FilmFrames film = FilmFrames.open(pattern())) {
            assertEquals(160, film.width());
            for (int i = 0; i < 12; i++) {
                Rgb8 decoded = film.next().orElseThrow();
                assertArrayEquals(PngFrames.read(PngFrames.AGREEMENT + String.format("gt/%05d.png", i)).rgb(), decoded.rgb(), "frame " + i);
            }
            assertTrue(film.next().isEmpty());
        }
    }

    @Test
    void resizedFramesKeepTheColoursOfTheOriginal() throws Exception {
        Rgb8 full = PngFrames.read(PngFrames.AGREEMENT + "gt/00000.png");
        try (FilmFrames film = FilmFrames.open(pattern(), 854, 480)) {
            Rgb8 scaled = film.next().orElseThrow();
            assertEquals(854 * 480 * 3, scaled.rgb().length);
            for (int c = 0; c < 3; c++) {
                assertEquals(mean(full, c), mean(scaled, c), 1.0, "channel " + c);
            }
        }
    }

    @Test
    void aMissingFilmIsRefusedByName() {
        IOException e = assertThrows(IOException.class, () -> FilmFrames.open(Path.of("/no/such/film.mp4")));
        assertTrue(e.getMessage().contains("/no/such/film.mp4"), e.getMessage());
    }

    private static double mean(Rgb8 frame, int channel) {
        double sum = 0;
        for (int j = channel; j < frame.rgb().length; j += 3) {
            sum += frame.rgb()[j] & 0xFF;
        }
        return sum / frame.pixelCount();
    }
}
