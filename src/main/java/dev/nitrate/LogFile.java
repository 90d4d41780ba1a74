package dev.nitrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Nitrate's log: what {@link System.Logger}s under {@code dev.nitrate} record (fallbacks and failures) goes to
 * {@code logs/nitrate.log.0} in the cache folder, appended, rotated at {@value #LIMIT_BYTES} bytes through
 * {@code .1} and {@code .2}; nothing of it goes to the console.
 */
public final class LogFile {

    static final String FILE_NAME = "nitrate.log";
    static final int LIMIT_BYTES = 4 * 1024 * 1024;
    static final int FILES = 3;

    /** Held so that the configured logger is not collected, and to install only once. */
    private static Logger nitrate;

    private LogFile() {}

    /** The folder holding the log files in the given cache folder. */
    public static Path folder(Path cacheFolder) {
        return cacheFolder.resolve("logs");
    }

    /**
     * Sends the {@code dev.nitrate} loggers to the log file in {@code cacheFolder}. When the file cannot be opened
     * (a read-only cache) the records are dropped: the command line says everything the user needs on its own.
     */
    public static synchronized void install(Path cacheFolder) {
        if (nitrate != null) {
            return;
        }
        nitrate = Logger.getLogger("dev.nitrate");
        nitrate.setUseParentHandlers(false);
        nitrate.setLevel(Level.INFO);
        try {
            Path logs = Files.createDirectories(folder(cacheFolder));
            FileHandler file = new FileHandler(logs.resolve(FILE_NAME).toString() + ".%g", LIMIT_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new LineFormatter());
            nitrate.addHandler(file);
        } catch (IOException | SecurityException e) {
            nitrate.setLevel(Level.OFF);
        }
    }

    /** One line per record: time, level, logger, message; then the stack trace, if any. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
