package dev.nitrate.jmh;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** sRGB <-> CIE Lab ({@link CieLab}) per frame: what every rendered frame pays on the way in and out. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColourConversionBenchmark {

    @Param({"854x480", "1920x1080"})
    public String size;

    private int width;
    private int height;
    private byte[] rgb;
    private LabImage lab;

    @Setup
    public void setUp() {
        String[] parts = size.split("x");
        width = Integer.parseInt(parts[0]);
        height = Integer.parseInt(parts[1]);
        rgb = new byte[width * height * 3];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) random.nextInt(256);
        }
        lab = CieLab.fromRgb8(rgb, width, height);
    }

    @Benchmark
    public LabImage rgb8ToLab() {
        return CieLab.fromRgb8(rgb, width, height);
    }

    @Benchmark
    public FloatPlane rgb8ToLightness() {
        return CieLab.lightnessOfRgb8(rgb, width, height);
    }

    @Benchmark
    public byte[] labToRgb8() {
        return CieLab.toRgb8(lab);
    }

    @Benchmark
    public short[] labToRgb16() {
        return CieLab.toRgb16(lab);
    }
}
