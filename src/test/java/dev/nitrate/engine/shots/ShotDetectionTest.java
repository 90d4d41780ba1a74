package dev.nitrate.engine.shots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.StillImages;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotDetectionTest {

    @TempDir
    Path folder;

    @Test
    void findsTheCutsBetweenRealClipsAndNoneInsideThem() throws Exception {
        List<RgbPixels> cup = new ArrayList<>();
        try (FilmReader reader = Films.open(Path.of("src/test/resources/media/cup.mp4"), FilmOpenOptions.defaults())) {
            for (int i = 0; i < 120; i++) {
                cup.add(reader.read(i).pixels());
            }
        }
        RgbPixels cat = StillImages.read(Path.of("src/test/resources/media/chelsea.png"));
        Path film = TestMedia.writeVideo(folder.resolve("cuts.mp4"), "mp4", VideoCodec.H264, 320, 240, 150, new Rational(25, 1), i -> {
            if (i < 60) {
                return halfSize(cup.get(i));
            }
            if (i < 100) {
                return pan(cat, i - 60, 320, 240);
            }
            return halfSize(cup.get(i - 40));
        });
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 59), new Shot(60, 99), new Shot(100, 149)), ShotDetector.detect(reader));
        }
    }

    @Test
    void findsCutsBetweenGeneratedScenes() throws Exception {
        int[] scene = new int[80];
        for (int i = 0; i < 80; i++) {
            scene[i] = i < 25 ? 0 : i < 26 ? 1 : i < 60 ? 2 : 3;
        }
        Path film = TestMedia.writeVideo(folder.resolve("scenes.mp4"), "mp4", VideoCodec.H264, 96, 64, 80, new Rational(25, 1),
                i -> TestMedia.sceneFrame(scene[i], i, 96, 64));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 24), new Shot(25, 25), new Shot(26, 59), new Shot(60, 79)), ShotDetector.detect(reader));
        }
    }

    @Test
    void exemplarsColourTheirShotAndLaterShotsInheritThem() {
        List<Shot> shots = List.of(new Shot(0, 9), new Shot(10, 19), new Shot(20, 29), new Shot(30, 39));
        List<ShotExemplars.Assignment> plan = ShotExemplars.assign(shots, List.of(15L, 17L, 32L));
        assertEquals(List.of(0, 1), plan.get(0).exemplarIndexes());
        assertEquals(true, plan.get(0).inherited());
        assertEquals(List.of(0, 1), plan.get(1).exemplarIndexes());
        assertEquals(false, plan.get(1).inherited());
        assertEquals(List.of(0, 1), plan.get(2).exemplarIndexes());
        assertEquals(true, plan.get(2).inherited());
        assertEquals(List.of(2), plan.get(3).exemplarIndexes());
    }

    private static RgbPixels halfSize(RgbPixels frame) {
        byte[] source = frame.toRgb8();
        int width = frame.width() / 2;
        int height = frame.height() / 2;
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    out[(y * width + x) * 3 + c] = source[((2 * y) * frame.width() + 2 * x) * 3 + c];
                }
            }
        }
        return new RgbPixels.Rgb8(width, height, out);
    }

    private static RgbPixels pan(RgbPixels image, int step, int width, int height) {
        byte[] source = image.toRgb8();
        byte[] out = new byte[width * height * 3];
        int offsetX = Math.min(image.width() - width, step * 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(source, ((y + 20) * image.width() + x + offsetX) * 3, out, (y * width + x) * 3, 3);
            }
        }
        return new RgbPixels.Rgb8(width, height, out);
    }
}
