package dev.nitrate.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.video.Rational;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilmInfoTest {

    private static FilmInfo at(Rational rate) {
        return new FilmInfo(Path.of("film.mp4"), 64, 48, 10, rate.toDouble(), false);
    }

    @Test
    void theFrameRateReadsLikeNitrateInfo() {
        assertEquals("29.970", at(new Rational(30000, 1001)).frameRateText());
        assertEquals("23.976", at(new Rational(24000, 1001)).frameRateText());
        assertEquals("30", at(new Rational(30, 1)).frameRateText());
        assertEquals("12.500", at(new Rational(25, 2)).frameRateText());
        for (Rational rate : List.of(new Rational(30000, 1001), new Rational(60000, 1001), new Rational(24, 1), new Rational(25, 2))) {
            assertEquals(rate.display(), at(rate).frameRateText(), rate.toString());
        }
    }
}
