package dev.nitrate.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.testing.PixelDifference;
import dev.nitrate.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxies made with real FFmpeg in Nitrate's cache folder: the film's frames at proxy size, reused, rebuilt, guarded. */
class FilmProxiesTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 200;
    private static final int FRAMES = 40;

    @TempDir
    Path work;

    private final EngineFilmOpener films = new EngineFilmOpener();

    @Test
    void aProxyHoldsEachFrameOfTheFilmAtProxySizeAndIsReusedOnReopening() throws Exception {
        Path film = film("film.mp4", 0);
        Path cache = work.resolve("cache/proxies");
        FilmProxies.Outcome built = new FilmProxies(films, cache).prepare(film, () -> false);
        Path proxy = assertInstanceOf(FilmProxies.Built.class, built).proxy();
        assertEquals(cache.toAbsolutePath().normalize(), proxy.getParent());
        try (FilmReader source = films.open(film); FilmReader small = films.open(proxy)) {
            assertEquals(FRAMES, small.info().frameCount());
            assertEquals(960, small.info().width());
            assertEquals(160, small.info().height());
            for (int frame = 0; frame < FRAMES; frame += 3) {
                byte[] proxyFrame = small.read(frame).pixels().toRgb8();
                double same = PixelDifference.mean(reduced(source, frame), proxyFrame);
                assertTrue(same < 4, "proxy frame " + frame + " differs from the film's frame at proxy size by " + same);
                int neighbour = frame == 0 ? 1 : frame - 1;
                assertTrue(PixelDifference.mean(reduced(source, neighbour), proxyFrame) > same, "proxy frame " + frame + " is that frame, not " + neighbour);
            }
        }
        FileTime written = Files.getLastModifiedTime(proxy);
        FilmProxies reopened = new FilmProxies(films, cache);
        assertTrue(reopened.ready(film).isEmpty());
        assertEquals(new FilmProxies.Reused(proxy), reopened.prepare(film, () -> false));
        assertEquals(written, Files.getLastModifiedTime(proxy), "reused, not written again");
        assertEquals(proxy, reopened.ready(film).orElseThrow());
    }

    @Test
    void aChangedFilmGetsANewProxyInPlaceOfTheOldOne() throws Exception {
        Path film = film("film.mp4", 0);
        Path cache = work.resolve("proxies");
        Path proxy = ((FilmProxies.Built) new FilmProxies(films, cache).prepare(film, () -> false)).proxy();
        Files.delete(film);
        film("film.mp4", 17);
        Files.setLastModifiedTime(film, FileTime.fromMillis(Files.getLastModifiedTime(film).toMillis() + 5000));
        assertEquals(new FilmProxies.Built(proxy), new FilmProxies(films, cache).prepare(film, () -> false));
        try (FilmReader source = films.open(film); FilmReader small = films.open(proxy)) {
            assertTrue(PixelDifference.mean(reduced(source, 5), small.read(5).pixels().toRgb8()) < 4, "the proxy shows the changed film");
        }
        assertEquals(Map.of(proxy.getFileName().toString(), "file"), listing(cache).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> "file")), "one proxy, no work folder left");
    }

    @Test
    void nothingIsWrittenBesideTheFilmAndAStoppedBuildLeavesNothing() throws Exception {
        Path filmFolder = Files.createDirectories(work.resolve("archive"));
        Path film = film("archive/reel.mp4", 0);
        Map<String, String> before = listing(filmFolder);
        Path cache = work.resolve("appdata/proxies");
        AtomicInteger frames = new AtomicInteger();
        assertInstanceOf(FilmProxies.Stopped.class, new FilmProxies(films, cache).prepare(film, () -> frames.incrementAndGet() > 10));
        assertEquals(Map.of(), listing(cache), "a stopped build publishes nothing and removes its work folder");
        assertInstanceOf(FilmProxies.Built.class, new FilmProxies(films, cache).prepare(film, () -> false));
        assertEquals(before, listing(filmFolder), "the film's folder is untouched");
        assertEquals(1, listing(cache).size());
    }

    @Test
    void aFileNitrateDidNotWriteAtTheProxysNameIsLeftAlone() throws Exception {
        Path film = film("film.mp4", 0);
        Path cache = Files.createDirectories(work.resolve("proxies"));
        FilmProxies proxies = new FilmProxies(films, cache);
        Path foreign = proxies.proxyFileOf(film);
        Files.writeString(foreign, "someone's notes");
        FilmProxies.Outcome outcome = proxies.prepare(film, () -> false);
        assertInstanceOf(FilmProxies.Failed.class, outcome);
        assertEquals("someone's notes", Files.readString(foreign));
        assertFalse(proxies.ready(film).isPresent());
    }

    private Path film(String name, int offset) throws Exception {
        return TestMedia.writeVideo(work.resolve(name), "mp4", dev.nitrate.engine.video.VideoCodec.H264, WIDTH, HEIGHT, FRAMES,
                new Rational(25, 1), i -> TestMedia.numberedGrayFrame(i + offset, WIDTH, HEIGHT));
    }

    private static byte[] reduced(FilmReader source, int frame) throws Exception {
        RgbPixels pixels = source.read(frame).pixels();
        return Resampler.areaAverageRgb8(pixels.toRgb8(), WIDTH, HEIGHT, 960, 160);
    }

    /** Every entry under a folder (relative name to checksum, or "folder"); empty when the folder does not exist. */
    private static Map<String, String> listing(Path folder) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(folder)) {
            return entries;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.filter(p -> !p.equals(folder)).toList()) {
                entries.put(folder.relativize(path).toString(), Files.isDirectory(path) ? "folder" : Sha256.of(path));
            }
        }
        return entries;
    }
}
