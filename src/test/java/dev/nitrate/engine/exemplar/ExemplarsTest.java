package dev.nitrate.engine.exemplar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExemplarsTest {

    @TempDir
    Path folder;

    /** Left half red, right half blue, 40x20. */
    private static RgbPixels.Rgb8 halves() {
        byte[] rgb = new byte[40 * 20 * 3];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                int i = (y * 40 + x) * 3;
                rgb[i] = (byte) (x < 20 ? 220 : 30);
                rgb[i + 2] = (byte) (x < 20 ? 30 : 220);
                rgb[i + 1] = 40;
            }
        }
        return new RgbPixels.Rgb8(40, 20, rgb);
    }

    @Test
    void loadsImagesOfManyFormatsAndDepths() throws Exception {
        for (ImageFormat format : ImageFormat.values()) {
            Path file = folder.resolve("halves." + format.extension());
            ImageFileWriter.write(halves(), format, file);
            ExemplarImage image = Exemplars.load(file);
            assertEquals(40, image.width());
            assertFalse(image.isGrayscale());
        }
        BufferedImage jpeg = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 30; x++) {
                jpeg.setRGB(x, y, 0x20C040);
            }
        }
        Path jpegFile = folder.resolve("green.jpg");
        ImageIO.write(jpeg, "jpg", jpegFile.toFile());
        ExemplarImage green = Exemplars.load(jpegFile);
        assertTrue(green.lab().a().get(15, 15) < -30, "green has negative a");
        Path bmp = folder.resolve("green.bmp");
        ImageIO.write(jpeg, "bmp", bmp.toFile());
        assertEquals(30, Exemplars.load(bmp).height());
    }

    @Test
    void warnsAboutGrayscaleExemplarsByFlaggingThem() throws Exception {
        byte[] gray = new byte[32 * 32 * 3];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (i / 3 % 256);
        }
        Path file = folder.resolve("gray.png");
        ImageFileWriter.write(new RgbPixels.Rgb8(32, 32, gray), ImageFormat.PNG, file);
        assertTrue(Exemplars.load(file).isGrayscale());
    }

    @Test
    void rejectsWhatIsNotAnImage() throws Exception {
        Path text = Files.writeString(folder.resolve("readme.jpg"), "hello");
        MediaException error = assertThrows(MediaException.class, () -> Exemplars.load(text));
        assertTrue(error.getMessage().contains("readme.jpg") && error.getMessage().contains("not an image"), error.getMessage());
    }

    @Test
    void fitsStretchCropAndPad() throws Exception {
        Path file = folder.resolve("halves.png");
        ImageFileWriter.write(halves(), ImageFormat.PNG, file);
        ExemplarImage image = Exemplars.load(file);
        LabImage stretched = Exemplars.fit(image, 20, 20, ExemplarFit.STRETCH);
        assertTrue(stretched.a().get(2, 10) > 30 && stretched.b().get(17, 10) < -30, "left red, right blue");
        LabImage cropped = Exemplars.fit(image, 20, 20, ExemplarFit.CROP);
        assertTrue(cropped.b().get(1, 10) > 0 && cropped.b().get(18, 10) < -30, "the middle 20x20: red then blue");
        LabImage padded = Exemplars.fit(image, 40, 40, ExemplarFit.PAD);
        assertEquals(50f, padded.lightness().get(20, 2), 1e-6);
        assertEquals(0f, padded.a().get(20, 2), 1e-6);
        assertTrue(padded.a().get(5, 20) > 30, "content in the middle rows");
        assertEquals(40, padded.width());
    }

    @Test
    void parsesImageAtFrame() {
        assertEquals(new PinnedExemplar(Path.of("a@b.png"), OptionalLong.empty()), PinnedExemplar.parse("a@b.png"));
        assertEquals(new PinnedExemplar(Path.of("ref.png"), OptionalLong.of(120)), PinnedExemplar.parse("ref.png@120"));
    }

    @Test
    void parsesAnExemplarsOwnFit() {
        assertEquals(new PinnedExemplar(Path.of("ref.png"), OptionalLong.of(120), java.util.Optional.of(ExemplarFit.CROP)),
                PinnedExemplar.parse("ref.png@120:crop"));
        assertEquals(new PinnedExemplar(Path.of("ref.png"), OptionalLong.empty(), java.util.Optional.of(ExemplarFit.PAD)),
                PinnedExemplar.parse("ref.png:PAD"));
        assertEquals(new PinnedExemplar(Path.of("c:notafit.png"), OptionalLong.of(3)), PinnedExemplar.parse("c:notafit.png@3"));
        assertEquals(ExemplarFit.STRETCH, PinnedExemplar.parse("ref.png@1").fitOr(ExemplarFit.STRETCH));
        assertEquals(ExemplarFit.PAD, PinnedExemplar.parse("ref.png@1:pad").fitOr(ExemplarFit.STRETCH));
        assertEquals("ref.png@1:pad", PinnedExemplar.parse("ref.png@1:pad").toString());
    }

    @Test
    void aPictureOverTheLimitIsReducedByAveragingWholeBlocksButNeverBelowTheFrame() {
        int width = 7;
        int height = 5;
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            rgb[i * 3] = (byte) (i * 7);
            rgb[i * 3 + 1] = (byte) 200;
            rgb[i * 3 + 2] = (byte) (i % width * 30);
        }
        RgbPixels.Rgb8 picture = new RgbPixels.Rgb8(width, height, rgb);
        assertTrue(picture == LargeImages.reduce(picture, 2, 2, 35), "at the limit it is kept whole");

        RgbPixels reduced = LargeImages.reduce(picture, 2, 2, 10);
        assertEquals(4, reduced.width(), "factor 2 keeps it at least the frame's size; the last column block is partial");
        assertEquals(3, reduced.height());
        byte[] out = reduced.toRgb8();
        int topLeftRed = (0 + 7 + 49 + 56 + 2) / 4;
        assertEquals(topLeftRed, out[0] & 0xFF);
        assertEquals(200, out[1] & 0xFF);
        int bottomRightRed = (34 * 7) & 0xFF;
        assertEquals(bottomRightRed, out[(2 * 4 + 3) * 3] & 0xFF, "the corner block holds one pixel");

        RgbPixels frameSized = LargeImages.reduce(picture, 4, 4, 10);
        assertEquals(width, frameSized.width(), "a frame as large as the picture allows no reduction");
    }

    /** Stretch mixes RGB, not Lab: between red and green it gives the Lab of the mixed RGB, as the release does. */
    @Test
    void stretchInterpolatesInRgbBeforeLab() throws Exception {
        Path file = folder.resolve("red-green.png");
        ImageFileWriter.write(new RgbPixels.Rgb8(2, 2, new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, (byte) 255, 0, 0, 0, (byte) 255, 0}), ImageFormat.PNG, file);
        ExemplarImage image = Exemplars.load(file);
        LabImage stretched = Exemplars.fit(image, 4, 2, ExemplarFit.STRETCH);
        short quarter = (short) Math.round(0.25 * 65535);
        short threeQuarters = (short) Math.round(0.75 * 65535);
        LabImage expected = dev.nitrate.engine.color.CieLab.fromRgb16(new short[] {threeQuarters, quarter, 0}, 1, 1);
        assertEquals(expected.lightness().get(0, 0), stretched.lightness().get(1, 0), 1e-3);
        assertEquals(expected.a().get(0, 0), stretched.a().get(1, 0), 1e-3);
        assertEquals(expected.b().get(0, 0), stretched.b().get(1, 0), 1e-3);
        LabImage lab = image.lab();
        float labMixA = 0.75f * lab.a().get(0, 0) + 0.25f * lab.a().get(1, 0);
        assertTrue(Math.abs(labMixA - stretched.a().get(1, 0)) > 5, "mixing in Lab would give another colour");
    }
}
