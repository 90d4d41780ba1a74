package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same render request, run again and again in one process, writes the same bytes every time (the last segment is shorter). */
class RepeatableRenderTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"H264, out.mp4", "H264, out.mov", "H265, out.mkv", "H265_10, out10.mov", "FFV1, ffv1.mkv", "PNG, out-frames", "TIFF, out-tiff"})
    void theSameRequestWritesTheSameBytesEveryTime(OutputFormat format, String outputName) throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 160, 96, 130, new Rational(24000, 1001));
        List<PinnedExemplar> exemplars = List.of(new PinnedExemplar(Renders.solidExemplar(folder.resolve("exemplar.png"), 60, 140, 210), OptionalLong.empty()));
        Path output = folder.resolve(outputName);
        TreeMap<String, Integer> digests = new TreeMap<>();
        int renders = format == OutputFormat.H265 || format == OutputFormat.H265_10 ? 3 : 4;
        for (int attempt = 0; attempt < renders; attempt++) {
            RenderOutcome outcome = Renders.render(Renders.request(film, exemplars, output, format, false, Optional.empty(), 20));
            assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
            digests.merge(digest(output), 1, Integer::sum);
            Files.move(output, folder.resolve("render-" + attempt + "-" + outputName));
            Files.move(dev.nitrate.engine.safety.OutputGuard.recordFileOf(output), folder.resolve("render-" + attempt + "-" + outputName + ".nitrate.json"));
        }
        assertEquals(1, digests.size(), format + ": " + renders + " renders of the same request gave different outputs (SHA-256 prefix: count): " + digests);
    }

    /** SHA-256 of a file, or of a folder's file names and contents in name order. */
    static String digest(Path output) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (Files.isDirectory(output)) {
            try (Stream<Path> files = Files.list(output)) {
                for (Path file : files.sorted().toList()) {
                    sha.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            }
        } else {
            sha.update(Files.readAllBytes(output));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
