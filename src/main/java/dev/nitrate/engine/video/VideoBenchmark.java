package dev.nitrate.engine.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Measures encode and decode speed of the video pipeline on generated grayscale clips.
 *
 * <p>Usage: {@code java -cp target/classes:target/lib/* dev.nitrate.engine.video.VideoBenchmark [WxH:FRAMES ...] [--preset P]}
 * (default {@code 854x480:240 1920x1080:96}, preset {@code medium}). Encode = RGB to yuv420p to libx264
 * (CRF 18) to MP4; decode = H.264 to RGB copied into Java, and also with the CIE lightness plane.
 */
public final class VideoBenchmark {

    private VideoBenchmark() {}

    /** One measurement. */
    public record Result(int width, int height, int frames, String preset, double encodeFps, double decodeFps, double decodeWithLightnessFps, double randomAccessMs) {}

    public static void main(String[] args) throws Exception {
        String preset = VideoEncodeSettings.DEFAULT_PRESET;
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--preset")) {
                preset = args[++i];
            } else {
                sizes.add(args[i]);
            }
        }
        if (sizes.isEmpty()) {
            sizes = java.util.List.of("854x480:240", "1920x1080:96");
        }
        Path folder = Files.createTempDirectory("nitrate-bench");
        try {
            for (String size : sizes) {
                String[] parts = size.split("[x:]");
                Result result = measure(folder, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), preset);
                System.out.printf(Locale.ROOT, "%dx%d, %d frames, x264 preset %s: encode %.1f fps, decode %.1f fps, decode+lightness %.1f fps, random access %.1f ms/frame%n",
                        result.width(), result.height(), result.frames(), result.preset(), result.encodeFps(), result.decodeFps(),
                        result.decodeWithLightnessFps(), result.randomAccessMs());
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Encodes a generated clip, then decodes it twice. */
    public static Result measure(Path folder, int width, int height, int frames, String preset) throws MediaException {
        Path clip = folder.resolve("bench-" + width + "x" + height + ".mp4");
        RgbPixels.Rgb8[] sources = new RgbPixels.Rgb8[8];
        Random random = new Random(1);
        for (int i = 0; i < sources.length; i++) {
            sources[i] = texturedFrame(width, height, i, random);
        }
        VideoEncodeSettings settings = new VideoEncodeSettings(VideoCodec.H264, 18, false, preset, width, height, new Rational(24000, 1001));
        long start = System.nanoTime();
        try (VideoSegmentWriter writer = VideoSegmentWriter.create(clip, "mp4", settings)) {
            for (int i = 0; i < frames; i++) {
                writer.write(new OutputFrame(sources[i % sources.length], Optional.empty()));
            }
            writer.finish();
        }
        double encodeFps = frames / ((System.nanoTime() - start) / 1e9);
        double decodeFps = decode(clip, false);
        double lightnessFps = decode(clip, true);
        long randomStart = System.nanoTime();
        int reads = 10;
        try (FilmReader reader = Films.open(clip, FilmOpenOptions.defaults())) {
            Random positions = new Random(3);
            for (int i = 0; i < reads; i++) {
                reader.read(positions.nextInt(frames));
            }
        }
        double randomMs = (System.nanoTime() - randomStart) / 1e6 / reads;
        return new Result(width, height, frames, preset, encodeFps, decodeFps, lightnessFps, randomMs);
    }

    private static double decode(Path clip, boolean withLightness) throws MediaException {
        long start = System.nanoTime();
        long frames;
        try (FilmReader reader = Films.open(clip, FilmOpenOptions.defaults())) {
            frames = reader.info().frameCount();
            for (long i = 0; i < frames; i++) {
                DecodedFrame frame = reader.read(i);
                if (withLightness) {
                    frame.lightness();
                }
            }
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    private static RgbPixels.Rgb8 texturedFrame(int width, int height, int index, Random random) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = (x * 160 / width + y * 60 / height + ((x + index * 7) / 24 + y / 24) % 2 * 30 + random.nextInt(12)) & 0xFF;
                int i = (y * width + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) value;
            }
        }
        return new RgbPixels.Rgb8(width, height, rgb);
    }
}
