package dev.nitrate.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Writes a large 8-bit RGB PNG (a colour gradient) row by row, so that the test itself never holds the picture. */
final class HugePng {

    private HugePng() {}

    static Path write(Path file, int width, int height) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream fields = new DataOutputStream(header);
            fields.writeInt(width);
            fields.writeInt(height);
            fields.write(new byte[] {8, 2, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray(), header.size());
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream compressed = new DeflaterOutputStream(new ChunkStream(out), deflater, 1 << 20)) {
                byte[] row = new byte[1 + width * 3];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        row[1 + x * 3] = (byte) (x * 255L / width);
                        row[2 + x * 3] = (byte) (y * 255L / height);
                        row[3 + x * 3] = (byte) 140;
                    }
                    compressed.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0], 0);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(data, 0, length);
        out.writeInt((int) crc.getValue());
    }

    /** Cuts the compressed stream into IDAT chunks of at most 1 MiB. */
    private static final class ChunkStream extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buffer = new byte[1 << 20];
        private int filled;

        ChunkStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (filled > 0) {
                chunk(out, "IDAT", buffer, filled);
                filled = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }
}
