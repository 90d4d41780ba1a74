package dev.nitrate.testing;

import dev.nitrate.engine.video.AudioSource;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.OutputFrame;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.VideoAssembler;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.engine.video.VideoEncodeSettings;
import dev.nitrate.engine.video.VideoSegmentWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** Generates test films with real FFmpeg encoders. */
public final class TestMedia {

    private TestMedia() {}

    /** A grayscale frame whose content differs for every index: a gradient, a moving square and the index as 8x8 blocks. */
    public static RgbPixels.Rgb8 numberedGrayFrame(int index, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        int squareX = (index * 3) % Math.max(1, width - 16);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = 40 + (x * 120 / width) + (y * 60 / height);
                if (x >= squareX && x < squareX + 16 && y >= height / 2 && y < height / 2 + 16) {
                    value = 230;
                }
                if (y < 8 && x / 8 < 16) {
                    value = ((index >> (x / 8)) & 1) == 1 ? 235 : 20;
                }
                int i = (y * width + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) value;
            }
        }
        return new RgbPixels.Rgb8(width, height, rgb);
    }

    /** A frame of one flat grey level with a little texture, for shot tests. */
    public static RgbPixels.Rgb8 sceneFrame(int scene, int index, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        int base = 30 + (scene * 70) % 190;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int stripe = ((x + index + scene * 7) / (6 + scene)) % 2 == 0 ? 12 : -12;
                int value = Math.max(0, Math.min(255, base + stripe + (scene % 2 == 0 ? x * 40 / width : y * 40 / height)));
                int i = (y * width + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) value;
            }
        }
        return new RgbPixels.Rgb8(width, height, rgb);
    }

    /** Writes a video file with the given frames (H.264 long GOP with B-frames by default settings of x264). */
    public static Path writeVideo(Path file, String container, VideoCodec codec, int width, int height, int frames, Rational rate,
            IntFunction<RgbPixels> frameSource) throws MediaException {
        VideoEncodeSettings settings = new VideoEncodeSettings(codec, 18, false, "veryfast", width, height, rate);
        try (VideoSegmentWriter writer = VideoSegmentWriter.create(file, container, settings)) {
            for (int i = 0; i < frames; i++) {
                writer.write(new OutputFrame(frameSource.apply(i), Optional.empty()));
            }
            writer.finish();
        }
        return file;
    }

    /** Writes a numbered grayscale test film. */
    public static Path numberedFilm(Path file, int width, int height, int frames, Rational rate) throws MediaException {
        return writeVideo(file, "mp4", VideoCodec.H264, width, height, frames, rate, i -> numberedGrayFrame(i, width, height));
    }

    /** Writes a film with video and one PCM audio stream (a sine) in Matroska. */
    public static Path filmWithAudio(Path folder, int frames, Rational rate) throws MediaException, IOException {
        Path video = writeVideo(folder.resolve("silent.nut"), "nut", VideoCodec.H264, 64, 48, frames, rate, i -> numberedGrayFrame(i, 64, 48));
        Path wav = writeSineWav(folder.resolve("tone.wav"), rate.secondsAt(frames), 48000);
        Path film = folder.resolve("with-audio.mkv");
        VideoAssembler.assemble(List.of(video), new long[] {frames}, film, "matroska", VideoCodec.H264, rate,
                Optional.of(new AudioSource(wav, List.of(0), 0, Double.POSITIVE_INFINITY)));
        return film;
    }

    /** Writes a mono 16-bit PCM WAV file of a 440 Hz sine. */
    public static Path writeSineWav(Path file, double seconds, int sampleRate) throws IOException {
        int samples = (int) Math.round(seconds * sampleRate);
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes()).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        out.write(data.array());
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Writes an image sequence {@code frame_00000.png ...} into the folder. */
    public static Path imageSequence(Path folder, ImageFormat format, int frames, IntFunction<RgbPixels> frameSource) throws MediaException, IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < frames; i++) {
            ImageFileWriter.write(frameSource.apply(i), format, folder.resolve(String.format("frame_%05d.%s", i, format.extension())));
        }
        return folder;
    }
}
