package dev.nitrate.engine.colorize;

import java.util.Locale;

/** Where the networks run: the CPU, or a CUDA GPU by index. */
public sealed interface ComputeDevice permits ComputeDevice.Cpu, ComputeDevice.Cuda {

    /** The CPU execution provider. */
    record Cpu() implements ComputeDevice {
        @Override
        public String toString() {
            return "cpu";
        }
    }

    /** The CUDA execution provider on GPU {@code index}. */
    record Cuda(int index) implements ComputeDevice {
        public Cuda {
            if (index < 0) {
                throw new IllegalArgumentException("CUDA device index must be >= 0, got " + index);
            }
        }

        @Override
        public String toString() {
            return "cuda:" + index;
        }
    }

    ComputeDevice CPU = new Cpu();

    /**
     * Parses {@code cpu}, {@code cuda} or {@code cuda:N}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    static ComputeDevice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("cuda") || t.equals("gpu")) {
            return new Cuda(0);
        }
        if (t.startsWith("cuda:")) {
            try {
                return new Cuda(Integer.parseInt(t.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a device: '" + text + "' (use cpu, cuda or cuda:N)");
            }
        }
        throw new IllegalArgumentException("not a device: '" + text + "' (use cpu, cuda or cuda:N)");
    }
}
