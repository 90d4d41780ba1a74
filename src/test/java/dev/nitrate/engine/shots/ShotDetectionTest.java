package dev.nitrate.engine.shots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.StillImages;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.CameraMoves;
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
    void aWhipPanWithMotionBlurIsOneShot() throws Exception {
        RgbPixels cat = StillImages.read(Path.of("src/test/resources/media/chelsea.png"));
        for (int frames : new int[] {24, 45}) {
            Path film = TestMedia.writeVideo(folder.resolve("whip-" + frames + ".mp4"), "mp4", VideoCodec.H264, 240, 160, frames,
                    new Rational(25, 1), i -> CameraMoves.whipPan(cat, i, frames, 240, 160));
            try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
                assertEquals(List.of(new Shot(0, frames - 1)), ShotDetector.detect(reader), "whip pan over " + frames + " frames");
            }
        }
    }

    @Test
    void findsTheCutInTheAgreementClip() throws Exception {
        try (FilmReader reader = Films.open(Path.of("src/test/resources/metrics/agreement/gt"), FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 5), new Shot(6, 11)), ShotDetector.detect(reader));
        }
    }

    @Test
    void aFlashIsNotACut() throws Exception {
        List<RgbPixels> cup = cupFrames(60);
        Path film = TestMedia.writeVideo(folder.resolve("flash.mp4"), "mp4", VideoCodec.H264, 320, 240, 60, new Rational(25, 1),
                i -> halfSize(i == 30 ? CameraMoves.exposed(cup.get(i), 4.0) : i == 31 ? CameraMoves.exposed(cup.get(i), 1.8) : cup.get(i)));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 59)), ShotDetector.detect(reader));
        }
    }

    @Test
    void aFlashLightingHalfThePictureForThreeFramesIsNotACut() throws Exception {
        RgbPixels cat = StillImages.read(Path.of("src/test/resources/media/chelsea.png"));
        Path film = TestMedia.writeVideo(folder.resolve("lightning.mp4"), "mp4", VideoCodec.H264, 240, 160, 60, new Rational(25, 1), i -> {
            RgbPixels still = CameraMoves.whipPan(cat, 0, 60, 240, 160);
            return i >= 30 && i < 33 ? topHalfLit(still) : still;
        });
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 59)), ShotDetector.detect(reader));
        }
    }

    @Test
    void anExposureRampAndAnExposureStepAreNotCuts() throws Exception {
        List<RgbPixels> cup = cupFrames(60);
        Path film = TestMedia.writeVideo(folder.resolve("exposure.mp4"), "mp4", VideoCodec.H264, 320, 240, 60, new Rational(25, 1), i -> {
            double gain = i < 10 ? 1.0 : i < 30 ? 1.0 - 0.6 * (i - 10) / 20.0 : i < 45 ? 0.4 : 0.8;
            return halfSize(CameraMoves.exposed(cup.get(i), gain));
        });
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(List.of(new Shot(0, 59)), ShotDetector.detect(reader));
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

    private static RgbPixels topHalfLit(RgbPixels frame) {
        byte[] lit = CameraMoves.exposed(frame, 4.0).toRgb8();
        byte[] out = frame.toRgb8().clone();
        System.arraycopy(lit, 0, out, 0, out.length / 2);
        return new RgbPixels.Rgb8(frame.width(), frame.height(), out);
    }

    private static List<RgbPixels> cupFrames(int count) throws Exception {
        List<RgbPixels> cup = new ArrayList<>();
        try (FilmReader reader = Films.open(Path.of("src/test/resources/media/cup.mp4"), FilmOpenOptions.defaults())) {
            for (int i = 0; i < count; i++) {
                cup.add(reader.read(i).pixels());
            }
        }
        return cup;
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
