package dev.nitrate.bench;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.metrics.FilmFrames;
import dev.nitrate.engine.metrics.FrameMetrics;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs two configurations of the engine on the same frames of a clip (frame 0 as the exemplar, the standard
 * protocol) and prints how far B is from A: the largest |delta a|, |delta b| in Lab units and the PSNR of B's
 * 8-bit RGB against A's, per frame and over the predicted frames (frame 0 takes the exemplar's colour), and the median seconds per frame of each. Used for fp16 against
 * fp32 packs and for a reduced model size against the full-size run.
 *
 * <pre>java -cp "target/test-classes:target/classes:target/lib/*" dev.nitrate.bench.PackCompare
 *     --a PACK|builtin --b PACK|builtin --clip FILM [--size WxH] [--frames N] [--device cpu|cuda[:N]]
 *     [--model-size-b WxH] [--threads N]</pre>
 */
public final class PackCompare {

    private PackCompare() {}

    record Run(List<ChromaPlanes> chroma, List<byte[]> rgb, double medianSeconds) {}

    public static void main(String[] args) throws Exception {
        String a = null;
        String b = null;
        Path clip = null;
        int width = 0;
        int height = 0;
        int frames = 8;
        String device = "cpu";
        Integer modelAreaB = null;
        int threads = 0;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--a" -> a = value;
                case "--b" -> b = value;
                case "--clip" -> clip = Path.of(value);
                case "--size" -> {
                    String[] wh = value.split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                case "--frames" -> frames = Integer.parseInt(value);
                case "--device" -> device = value;
                case "--model-size-b" -> {
                    String[] wh = value.split("x");
                    modelAreaB = Integer.parseInt(wh[0]) * Integer.parseInt(wh[1]);
                }
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (a == null || b == null || clip == null) {
            System.err.println("usage: PackCompare --a PACK --b PACK --clip FILM [--size WxH] [--frames N] [--device D] [--model-size-b WxH]");
            System.exit(2);
        }
        List<Rgb8> input = new ArrayList<>();
        try (FilmFrames film = FilmFrames.open(clip, width, height)) {
            while (input.size() < frames) {
                input.add(film.next().orElseThrow(() -> new IllegalArgumentException("the clip is shorter than the frames wanted")));
            }
        }
        InferenceOptions options = new InferenceOptions(ComputeDevice.parse(device), threads, null);
        Run runA = run(location(a), options, input);
        Run runB = run(location(b), options.withModelMaxArea(modelAreaB), input);
        double worstA = 0;
        double worstB = 0;
        double psnrSum = 0;
        for (int f = 0; f < input.size(); f++) {
            double da = maxDiff(runA.chroma().get(f).a(), runB.chroma().get(f).a());
            double db = maxDiff(runA.chroma().get(f).b(), runB.chroma().get(f).b());
            Rgb8 frame = input.get(f);
            double psnr = FrameMetrics.psnr(new Rgb8(frame.width(), frame.height(), runA.rgb().get(f)),
                    new Rgb8(frame.width(), frame.height(), runB.rgb().get(f)));
            System.out.printf(Locale.ROOT, "frame %d: max|da| %.3f max|db| %.3f Lab, PSNR %.2f dB%n", f, da, db, psnr);
            worstA = Math.max(worstA, da);
            worstB = Math.max(worstB, db);
            if (f > 0) {
                psnrSum += psnr;
            }
        }
        System.out.printf(Locale.ROOT, "A %s: %.3f s/frame (median); B %s%s: %.3f s/frame; speed-up %.2fx%n", a, runA.medianSeconds(), b,
                modelAreaB == null ? "" : " at most " + modelAreaB + " px", runB.medianSeconds(), runA.medianSeconds() / runB.medianSeconds());
        System.out.printf(Locale.ROOT, "B against A over %d frames (%dx%d): max|da| %.3f, max|db| %.3f Lab, mean PSNR of the predicted frames"
                + " (1 to %d; frame 0 is the exemplar's) %.2f dB%n", input.size(), input.get(0).width(), input.get(0).height(), worstA, worstB,
                input.size() - 1, psnrSum / Math.max(1, input.size() - 1));
    }

    private static PackLocation location(String pack) {
        return pack.equals("builtin") ? PackLocation.BUILTIN : new PackLocation.Folder(Path.of(pack));
    }

    private static Run run(PackLocation pack, InferenceOptions options, List<Rgb8> input) throws Exception {
        List<ChromaPlanes> chroma = new ArrayList<>();
        List<byte[]> rgb = new ArrayList<>();
        double[] seconds = new double[input.size()];
        int w = input.get(0).width();
        int h = input.get(0).height();
        try (FrameColorizer colorizer = new PackColorizerFactory().openColorizer(pack, options, w, h)) {
            System.out.println("running " + pack + " on " + colorizer.deviceDescription());
            for (int f = 0; f < input.size(); f++) {
                LabImage lab = CieLab.fromRgb8(input.get(f).rgb(), w, h);
                long start = System.nanoTime();
                if (f == 0) {
                    colorizer.beginSequence(List.of(lab), true);
                }
                ChromaPlanes ab = colorizer.colorize(lab.lightness());
                seconds[f] = (System.nanoTime() - start) / 1e9;
                chroma.add(ab);
                rgb.add(LumaMatch.toRgb8(ab.withLightness(lab.lightness()), input.get(f).rgb()));
            }
        }
        double[] measured = Arrays.copyOfRange(seconds, Math.min(1, seconds.length - 1), seconds.length);
        Arrays.sort(measured);
        return new Run(chroma, rgb, measured[measured.length / 2]);
    }

    private static double maxDiff(FloatPlane x, FloatPlane y) {
        double worst = 0;
        for (int i = 0; i < x.values().length; i++) {
            worst = Math.max(worst, Math.abs(x.values()[i] - y.values()[i]));
        }
        return worst;
    }
}
