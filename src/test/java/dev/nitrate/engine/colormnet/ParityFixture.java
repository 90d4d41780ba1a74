package dev.nitrate.engine.colormnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A fixture written by onnx/reference/make_parity_fixture.py: pack, inputs, and the Python reference's outputs. */
record ParityFixture(Path directory, int width, int height, double tolerance, List<Sequence> sequences) {

    record Sequence(String file, boolean firstFrameIsExemplar, List<LabImage> exemplars, List<FloatPlane> frames,
            List<float[][]> expectedTanhAb, int consolidations, int longTermElements, double minOutputStd) {}

    Path pack() {
        return directory.resolve("pack");
    }

    static ParityFixture load(Path dir) throws IOException {
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("fixture.json").toFile());
        int w = meta.get("width").asInt();
        int h = meta.get("height").asInt();
        float lScale = (float) meta.get("lightness_scale").asDouble();
        float abScale = (float) meta.get("chroma_scale").asDouble();
        float outScale = (float) meta.get("output_scale").asDouble();
        List<Sequence> sequences = new ArrayList<>();
        for (JsonNode s : meta.get("sequences")) {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(s.get("file").asText()))).order(ByteOrder.LITTLE_ENDIAN);
            List<LabImage> exemplars = new ArrayList<>();
            for (int e = 0; e < s.get("exemplars").asInt(); e++) {
                exemplars.add(new LabImage(unsigned(data, w, h, lScale), signed(data, w, h, abScale), signed(data, w, h, abScale)));
            }
            List<FloatPlane> frames = new ArrayList<>();
            int n = s.get("frames").asInt();
            for (int f = 0; f < n; f++) {
                frames.add(unsigned(data, w, h, lScale));
            }
            List<float[][]> expected = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                expected.add(new float[][] {signed(data, w, h, outScale).values(), signed(data, w, h, outScale).values()});
            }
            if (data.hasRemaining()) {
                throw new IOException(s.get("file").asText() + ": " + data.remaining() + " bytes left over");
            }
            sequences.add(new Sequence(s.get("file").asText(), s.get("first_frame_is_exemplar").asBoolean(), exemplars, frames,
                    expected, s.get("consolidations").asInt(), s.get("long_term_elements").asInt(),
                    s.has("min_output_std") ? s.get("min_output_std").asDouble() : -1));
        }
        return new ParityFixture(dir, w, h, meta.get("tolerance").asDouble(), sequences);
    }

    private static FloatPlane unsigned(ByteBuffer data, int w, int h, float scale) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (data.getShort() & 0xFFFF) / scale;
        }
        return new FloatPlane(w, h, v);
    }

    private static FloatPlane signed(ByteBuffer data, int w, int h, float scale) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.getShort() / scale;
        }
        return new FloatPlane(w, h, v);
    }
}
