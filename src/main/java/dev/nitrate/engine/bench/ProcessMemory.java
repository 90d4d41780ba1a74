package dev.nitrate.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory use of this process as the Linux kernel reports it in {@code /proc/self/status}. */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Peak resident set size ({@code VmHWM}) in bytes; empty where {@code /proc} is not available. */
    public static OptionalLong peakResidentBytes() {
        return statusField("VmHWM:");
    }

    /** Current resident set size ({@code VmRSS}) in bytes; empty where {@code /proc} is not available. */
    public static OptionalLong residentBytes() {
        return statusField("VmRSS:");
    }

    static OptionalLong parseKilobytes(String statusText, String field) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong statusField(String field) {
        try {
            return parseKilobytes(Files.readString(STATUS), field);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
