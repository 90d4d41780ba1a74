package dev.nitrate.builtin;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the real engine on raw RGB24 frames from stdin and writes colorized RGB24 frames to stdout, for scoring
 * packs with ../shared/tools/vceval.py before the CLI exists on this branch (docs/builtin-pack.md):
 *
 * <pre>ffmpeg -i clip -f rawvideo -pix_fmt rgb24 - | java ... EngineClipRunner builtin W H [exemplar.rgb] | ffmpeg ...</pre>
 *
 * Without an exemplar file the first frame's colour is the exemplar (the standard protocol). The output lightness
 * is each input frame's own L. Per-frame seconds go to stderr.
 */
public final class EngineClipRunner {

    private EngineClipRunner() {}

    public static void main(String[] args) throws Exception {
        PackLocation pack = args[0].equals("builtin") ? PackLocation.BUILTIN : new PackLocation.Folder(Path.of(args[0]));
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        byte[] exemplarRgb = args.length > 3 ? Files.readAllBytes(Path.of(args[3])) : null;
        int threads = Integer.parseInt(System.getProperty("threads", "0"));
        var in = new DataInputStream(new BufferedInputStream(System.in, 1 << 20));
        OutputStream out = new BufferedOutputStream(System.out, 1 << 20);
        byte[] frame = new byte[width * height * 3];
        double[] seconds = new double[100_000];
        int count = 0;
        try (FrameColorizer colorizer = new PackColorizerFactory()
                .openColorizer(pack, new InferenceOptions(dev.nitrate.engine.colorize.ComputeDevice.CPU, threads, null), width, height)) {
            while (true) {
                try {
                    in.readFully(frame);
                } catch (EOFException end) {
                    break;
                }
                if (count == 0) {
                    boolean firstIsExemplar = exemplarRgb == null;
                    LabImage exemplar = CieLab.fromRgb8(firstIsExemplar ? frame : exemplarRgb, width, height);
                    colorizer.beginSequence(List.of(exemplar), firstIsExemplar);
                }
                long t0 = System.nanoTime();
                FloatPlane lightness = CieLab.lightnessOfRgb8(frame, width, height);
                ChromaPlanes chroma = colorizer.colorize(lightness);
                byte[] rgb = CieLab.toRgb8(chroma.withLightness(lightness));
                seconds[count++] = (System.nanoTime() - t0) / 1e9;
                out.write(rgb);
            }
        }
        out.flush();
        double[] s = Arrays.copyOf(seconds, count);
        Arrays.sort(s);
        System.err.printf("frames %d, median %.4f s/frame (colorize incl. Lab conversion)%n", count, count == 0 ? 0 : s[count / 2]);
    }
}
