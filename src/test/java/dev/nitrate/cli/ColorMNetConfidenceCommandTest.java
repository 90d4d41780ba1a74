package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colorize --confidence} with a ColorMNet pack: the committed parity pack (the exporter's graphs, random weights). */
class ColorMNetConfidenceCommandTest {

    @TempDir
    Path folder;

    @Test
    void aColorMNetPackWritesItsReadoutConfidenceAndTheOverlay() throws Exception {
        Path pack = Path.of(getClass().getResource("/parity/colormnet-tiny/pack/pack.json").toURI()).getParent();
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 4, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path confidence = folder.resolve("confidence");
        CliRunner.Result result = CliRunner.runEngine("colorize", film.toString(), "-e", exemplar.toString(), "--pack", pack.toString(),
                "-o", folder.resolve("frames").toString(), "--confidence", confidence.toString(), "--confidence-overlay");
        assertEquals(0, result.exitCode(), result.err());
        List<Path> frames;
        try (var listing = Files.list(confidence)) {
            frames = listing.filter(f -> f.getFileName().toString().matches("frame_\\d{6}\\.png")).sorted().toList();
        }
        assertEquals(4, frames.size());
        for (Path frame : frames) {
            BufferedImage image = ImageIO.read(frame.toFile());
            assertEquals(64, image.getWidth());
            assertEquals(48, image.getHeight());
            assertEquals(BufferedImage.TYPE_USHORT_GRAY, image.getType(), frame + " is 16-bit grayscale");
            Raster raster = image.getRaster();
            int min = 65535;
            int max = 0;
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    min = Math.min(min, raster.getSample(x, y, 0));
                    max = Math.max(max, raster.getSample(x, y, 0));
                }
            }
            assertTrue(max < 65535 && max > min, frame + ": the readout's confidence, not a constant: " + min + ".." + max);
            assertTrue(Files.exists(confidence.resolve(frame.getFileName().toString().replace("frame_", "overlay_"))));
        }
    }
}
