package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.video.ColourMedia;
import dev.nitrate.engine.video.ColourTags;
import dev.nitrate.testing.Renders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archival formats from the command line: h265-10 and ffv1, and the one line that says a format loses bits. */
class ArchivalFormatsCliTest {

    @TempDir
    Path folder;

    private Path film;
    private Path exemplar;

    @BeforeEach
    void tenBitFilm() throws Exception {
        film = ColourMedia.writeFilm(folder.resolve("scan10.mkv"), "matroska", "ffv1", "yuv420p10le", 64, 48, 4, ColourTags.BT709_LIMITED);
        exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
    }

    private CliRunner.Result colorize(Path output, String format) {
        return CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o", output.toString(), "--format", format,
                "--luma-lock", "--preset", "veryfast", "--segment-frames", "2");
    }

    @Test
    void tenBitToEightBitH264WarnsOnceAndNamesTheFormatsThatKeepTheBits() {
        CliRunner.Result result = colorize(folder.resolve("eight.mp4"), "h264");
        assertEquals(0, result.exitCode(), result.err());
        List<String> warnings = result.err().lines().filter(line -> line.startsWith("nitrate: warning:")).toList();
        assertEquals(1, warnings.size(), result.err());
        assertTrue(warnings.get(0).contains(film.toString()) && warnings.get(0).contains("loses 2 bits")
                && warnings.get(0).contains("--format h265-10 or ffv1"), warnings.get(0));
    }

    @Test
    void tenBitToH265TenBitIsExactAndQuiet() throws Exception {
        Path output = folder.resolve("ten.mkv");
        CliRunner.Result result = colorize(output, "h265-10");
        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.err().contains("warning"), result.err());
        ColourMedia.DecodedLuma source = ColourMedia.decodeLuma(film);
        ColourMedia.DecodedLuma written = ColourMedia.decodeLuma(output);
        assertEquals(10, written.bits());
        for (int f = 0; f < source.frames().size(); f++) {
            assertArrayEquals(source.frames().get(f), written.frames().get(f), "frame " + f);
        }
    }

    @Test
    void infoShowsTheColourTags() throws Exception {
        ColourTags fullRange601 = new ColourTags(org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG, org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M,
                org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M, org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M);
        Path full = ColourMedia.writeFilm(folder.resolve("full.mp4"), "mp4", "libx264", "yuvj420p", 64, 48, 2, fullRange601);
        CliRunner.Result text = CliRunner.run("info", full.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Colour:      range=pc primaries=smpte170m transfer=smpte170m matrix=smpte170m"), text.out());
        CliRunner.Result json = CliRunner.run("info", film.toString(), "--json");
        assertTrue(json.out().contains("\"colour\" : \"range=tv primaries=bt709 transfer=bt709 matrix=bt709\"")
                || json.out().contains("\"colour\":\"range=tv primaries=bt709 transfer=bt709 matrix=bt709\""), json.out());
    }

    @Test
    void ffv1IntoAnMp4IsRefusedInOneLineBeforeAnyWork() throws Exception {
        Path output = folder.resolve("archive.mp4");
        CliRunner.Result result = colorize(output, "ffv1");
        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(output.toString()) && result.err().contains("FFV1 is stored in .mkv or .mov"), result.err());
        assertFalse(Files.exists(output));
        try (var listing = Files.list(folder)) {
            assertEquals(List.of("ex.png", "scan10.mkv"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
