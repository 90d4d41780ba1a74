package dev.nitrate.engine.memory;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.onnx.SessionOpener;
import java.util.Random;

/**
 * Times the memory readout kernel alone at full size (default: 10 working frames of 35x56 plus
 * 10,000 long-term elements, 1960 queries, CK 64, C 1024).
 * {@code java -cp target/classes:target/test-classes:target/lib/* dev.nitrate.engine.memory.ReadoutBenchmark [N M THREADS]}
 */
public final class ReadoutBenchmark {

    private ReadoutBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10 * 1960 + 10_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 1960;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Random random = new Random(1);
        MemoryView memory = MemoryKernelsTest.randomMemory(random, n, 64, 1024);
        float[] q = MemoryKernelsTest.gaussian(random, 64 * m);
        float[] s = MemoryKernelsTest.selection(random, 64 * m);
        try (OnnxMemoryKernels kernels = OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, threads))) {
            for (int i = 0; i < 4; i++) {
                long t = System.nanoTime();
                kernels.readTopK(memory, q, s, m, 30);
                System.out.printf("readout N=%d M=%d: %.3f s%n", n, m, (System.nanoTime() - t) / 1e9);
            }
        }
    }
}
