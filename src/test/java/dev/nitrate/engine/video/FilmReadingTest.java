package dev.nitrate.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilmReadingTest {

    @TempDir
    Path folder;

    @Test
    void randomAccessReturnsTheFrameThatSequentialDecodingYieldsOnALongGopFile() throws Exception {
        Rational ntsc = new Rational(24000, 1001);
        Path film = TestMedia.numberedFilm(folder.resolve("long-gop.mp4"), 160, 96, 420, ntsc);
        List<byte[]> sequential = new ArrayList<>();
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            FilmInfo info = reader.info();
            assertEquals(420, info.frameCount());
            assertEquals(ntsc, info.frameRate());
            assertEquals("23.976", info.frameRate().display());
            assertEquals("h264", info.codec());
            for (int i = 0; i < info.frameCount(); i++) {
                sequential.add(reader.read(i).pixels().toRgb8());
            }
        }
        Random random = new Random(7);
        List<Integer> positions = new ArrayList<>(List.of(419, 0, 250, 249, 251, 1, 418, 125, 3, 2));
        for (int i = 0; i < 50; i++) {
            positions.add(random.nextInt(420));
        }
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            for (int position : positions) {
                assertArrayEquals(sequential.get(position), reader.read(position).pixels().toRgb8(), "frame " + position);
                if (position + 1 < 420) {
                    assertArrayEquals(sequential.get(position + 1), reader.read(position + 1).pixels().toRgb8(), "frame after " + position);
                }
            }
        }
    }

    @Test
    void randomAccessOnARealClipMatchesSequentialDecoding() throws Exception {
        Path clip = Path.of("src/test/resources/media/cup.mp4");
        List<Integer> hashes = new ArrayList<>();
        long count;
        try (FilmReader reader = Films.open(clip, FilmOpenOptions.defaults())) {
            count = reader.info().frameCount();
            for (int i = 0; i < count; i++) {
                hashes.add(java.util.Arrays.hashCode(reader.read(i).pixels().toRgb8()));
            }
            assertThrows(MediaException.class, () -> reader.read(count));
        }
        Random random = new Random(11);
        try (FilmReader reader = Films.open(clip, FilmOpenOptions.defaults())) {
            for (int n = 0; n < 25; n++) {
                int position = random.nextInt((int) count);
                assertEquals(hashes.get(position), java.util.Arrays.hashCode(reader.read(position).pixels().toRgb8()), "frame " + position);
            }
            assertEquals(hashes.get((int) count - 1), java.util.Arrays.hashCode(reader.read(count - 1).pixels().toRgb8()));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "prores.mov, mov, prores_ks, yuv422p10le, 10",
        "mpeg2.mpg, mpeg, mpeg2video, yuv420p, 8",
        "ffv1.mkv, matroska, ffv1, gray16le, 16",
        "mjpeg.avi, avi, mjpeg, yuvj420p, 8",
        "dv.dv, dv, dvvideo, yuv411p, 8",
        "hevc.mkv, matroska, libx265, yuv420p, 8"})
    void readsManyCodecsAndContainersFrameAccurately(String name, String container, String encoder, String pixelFormat, int depth) throws Exception {
        int format = org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt(pixelFormat);
        boolean dv = encoder.equals("dvvideo");
        Path film = MediaProbe.writeEncodedVideo(folder.resolve(name), container, encoder, format, dv ? 720 : 128, dv ? 480 : 96, 30);
        List<Integer> hashes = new ArrayList<>();
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(30, reader.info().frameCount(), name);
            if (encoder.equals("dvvideo")) {
                assertEquals(new Rational(30000, 1001), reader.info().frameRate());
            }
            assertEquals(depth, reader.info().bitDepth(), name);
            for (int i = 0; i < 30; i++) {
                DecodedFrame frame = reader.read(i);
                assertEquals(depth > 8 ? 16 : 8, frame.pixels().bits());
                hashes.add(java.util.Arrays.hashCode(frame.pixels().toRgb16()));
            }
        }
        assertEquals(30, new java.util.HashSet<>(hashes).size(), "frames differ from each other");
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            for (int position : new int[] {17, 3, 29, 0, 12, 13}) {
                assertEquals(hashes.get(position), java.util.Arrays.hashCode(reader.read(position).pixels().toRgb16()), name + " frame " + position);
            }
        }
    }

    @Test
    void heldFramesOfAnAviAreRepeatedSoRateAndDurationStayRight() throws Exception {
        Path film = MediaProbe.writeEncodedVideo(folder.resolve("held.avi"), "avi", "mjpeg", org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P,
                64, 48, 10, null, 0, 2);
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(new Rational(25, 1), reader.info().frameRate());
            assertEquals(19, reader.info().frameCount());
            byte[] zero = reader.read(0).pixels().toRgb8();
            assertArrayEquals(zero, reader.read(1).pixels().toRgb8());
            assertFalse(java.util.Arrays.equals(zero, reader.read(2).pixels().toRgb8()));
            byte[] last = reader.read(18).pixels().toRgb8();
            assertArrayEquals(reader.read(17).pixels().toRgb8(), reader.read(16).pixels().toRgb8());
            assertFalse(java.util.Arrays.equals(last, reader.read(17).pixels().toRgb8()));
            assertArrayEquals(reader.read(5).pixels().toRgb8(), reader.read(4).pixels().toRgb8());
        }
    }

    @Test
    void reportsTimecodeAndInterlacing() throws Exception {
        Path film = MediaProbe.writeEncodedVideo(folder.resolve("tc.mov"), "mov", "prores_ks", org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE,
                64, 48, 10, "10:00:00:00", 2);
        FilmInfo info = Films.probe(film, FilmOpenOptions.defaults());
        assertEquals(java.util.Optional.of("10:00:00:00"), info.timecode());
        assertTrue(info.interlaced());
        assertEquals(10, info.frameCount());
        Path progressive = MediaProbe.writeEncodedVideo(folder.resolve("p.mov"), "mov", "prores_ks", org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE,
                64, 48, 10, null, 1);
        FilmInfo plain = Films.probe(progressive, FilmOpenOptions.defaults());
        assertFalse(plain.interlaced());
        assertTrue(plain.timecode().isEmpty());
    }

    @Test
    void aPngSequenceIsAFilmWithExactPixels() throws Exception {
        Path sequence = TestMedia.imageSequence(folder.resolve("seq"), ImageFormat.PNG, 5, i -> TestMedia.numberedGrayFrame(i, 48, 32));
        try (FilmReader reader = Films.open(sequence, FilmOpenOptions.defaults())) {
            assertEquals(SourceKind.IMAGE_SEQUENCE, reader.info().kind());
            assertEquals(5, reader.info().frameCount());
            assertEquals(8, reader.info().bitDepth());
            assertArrayEquals(TestMedia.numberedGrayFrame(3, 48, 32).rgb(), reader.read(3).pixels().toRgb8());
        }
        try (FilmReader reader = Films.open(sequence.resolve("frame_%05d.png"), FilmOpenOptions.defaults())) {
            assertEquals(5, reader.info().frameCount());
            assertArrayEquals(TestMedia.numberedGrayFrame(4, 48, 32).rgb(), reader.read(4).pixels().toRgb8());
        }
    }

    @Test
    void sixteenBitTiffSequencesKeepFullPrecision() throws Exception {
        short[] rgb = new short[40 * 30 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (short) (i * 37 + 11);
        }
        RgbPixels.Rgb16 frame = new RgbPixels.Rgb16(40, 30, rgb);
        Path sequence = TestMedia.imageSequence(folder.resolve("tiff"), ImageFormat.TIFF, 2, i -> frame);
        try (FilmReader reader = Films.open(sequence, FilmOpenOptions.defaults())) {
            assertEquals(16, reader.info().bitDepth());
            assertTrue(reader.info().isHighBitDepth());
            DecodedFrame decoded = reader.read(1);
            assertTrue(decoded.pixels() instanceof RgbPixels.Rgb16);
            assertArrayEquals(rgb, decoded.pixels().toRgb16());
            assertEquals(40 * 30, decoded.lightness().pixelCount());
        }
    }

    @Test
    void audioStreamsAndRateAreReported() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 48, new Rational(25, 1));
        FilmInfo info = Films.probe(film, FilmOpenOptions.defaults());
        assertEquals(48, info.frameCount());
        assertEquals(new Rational(25, 1), info.frameRate());
        assertEquals(1, info.audioStreams().size());
        assertEquals("pcm_s16le", info.audioStreams().get(0).codec());
        assertEquals(48000, info.audioStreams().get(0).sampleRate());
        assertFalse(info.interlaced());
        assertEquals(48 / 25.0, info.durationSeconds(), 1e-9);
    }

    @Test
    void videoLumaOfAYuv420pSourceIsItsYPlane() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("luma.mp4"), 64, 48, 3, new Rational(25, 1));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults().withVideoLuma(true))) {
            LumaPlane luma = reader.read(1).videoLuma().orElseThrow();
            assertEquals(8, luma.bits());
            assertFalse(luma.fullRange());
            assertEquals(64 * 48, luma.samples().length);
            int top = luma.sample(4, 5);
            assertTrue(top < 40 || top > 200, "the index blocks keep their limited-range luma, got " + top);
        }
    }
}
