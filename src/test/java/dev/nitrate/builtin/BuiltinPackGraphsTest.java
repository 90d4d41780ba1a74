package dev.nitrate.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed built-in pack (src/main/resources/packs/builtin) runs in ONNX Runtime, matches its manifest,
 * and reproduces the outputs its build tool computed in torch (builtin-pack-golden.json).
 */
class BuiltinPackGraphsTest {

    private static final String PACK = "/packs/builtin/";
    private static OrtEnvironment env;
    private static String manifest;

    @BeforeAll
    static void open() throws IOException {
        env = OrtEnvironment.getEnvironment();
        manifest = new String(resource(PACK + "pack.json"), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BuiltinPackGraphsTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing resource " + name);
            return in.readAllBytes();
        }
    }

    private static int channel(String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(\\d+)").matcher(manifest.substring(manifest.indexOf("\"channels\"")));
        assertTrue(m.find(), "channels." + name + " in pack.json");
        return Integer.parseInt(m.group(1));
    }

    private static OrtSession session(String graph) throws IOException, OrtException {
        return env.createSession(resource(PACK + graph + ".onnx"), new OrtSession.SessionOptions());
    }

    private static OnnxTensor tensor(float[] data, long... shape) throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
    }

    private static float[] run(OrtSession s, Map<String, OnnxTensor> in, String out, long[] expectShape) throws OrtException {
        try (OrtSession.Result r = s.run(in)) {
            OnnxTensor t = (OnnxTensor) r.get(out).orElseThrow();
            assertArrayEquals(expectShape, t.getInfo().getShape(), out + " shape");
            FloatBuffer fb = t.getFloatBuffer();
            float[] v = new float[fb.remaining()];
            fb.get(v);
            return v;
        }
    }

    @Test
    void everyGraphFileMatchesTheChecksumInTheManifest() throws Exception {
        for (String g : List.of("key_encoder", "value_encoder", "decoder", "local_attention", "refiner")) {
            String hex = HexFormat.of().formatHex(sha256(resource(PACK + g + ".onnx")));
            assertTrue(manifest.contains("\"sha256\": \"" + hex + "\""), g + ".onnx checksum is in pack.json");
        }
    }

    private static byte[] sha256(byte[] b) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    @Test
    void onnxRuntimeReproducesTheTorchGraphsOnTheGoldenFrame() throws Exception {
        String golden = new String(resource("/builtin-pack-golden.json"), StandardCharsets.UTF_8);
        int height = 64, width = 96, h = height / 16, w = width / 16;
        int stride = Integer.parseInt(field(golden, "stride"));
        int ck = channel("key"), cv = channel("value"), objects = channel("objects"), hiddenCh = channel("hidden");
        float[] image = new float[3 * height * width];
        float[] ab = new float[2 * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float lum = (float) (0.8 * Math.sin(0.31 * x) * Math.cos(0.17 * y));
                for (int c = 0; c < 3; c++) {
                    image[(c * height + y) * width + x] = lum;
                }
                ab[y * width + x] = (float) (0.3 * Math.sin(0.2 * x));
                ab[(height + y) * width + x] = (float) (-0.2 * Math.cos(0.15 * y));
            }
        }
        try (OrtSession keyEncoder = session("key_encoder"); OrtSession valueEncoder = session("value_encoder");
             OrtSession attention = session("local_attention"); OrtSession decoder = session("decoder");
             OnnxTensor imageT = tensor(image, 1, 3, height, width); OnnxTensor abT = tensor(ab, 1, 2, height, width)) {
            Map<String, float[]> enc = new LinkedHashMap<>();
            try (OrtSession.Result r = keyEncoder.run(Map.of("image", imageT))) {
                for (String name : List.of("f16", "f8", "f4", "key", "shrinkage", "selection")) {
                    FloatBuffer fb = ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer();
                    float[] v = new float[fb.remaining()];
                    fb.get(v);
                    enc.put(name, v);
                }
            }
            assertEquals(ck * h * w, enc.get("key").length);
            assertClose(numbers(golden, "key"), enc.get("key"), stride, 1e-3f, "key");
            float shrink = enc.get("shrinkage")[0];
            assertTrue(shrink > 0);
            for (float s : enc.get("shrinkage")) assertEquals(shrink, s, 1e-3f * shrink);
            for (float s : enc.get("selection")) assertEquals(1f, s, 1e-6f);

            float[] hidden = new float[objects * hiddenCh * h * w];
            float[] value;
            try (OnnxTensor f16 = tensor(enc.get("f16"), 1, channel("f16"), h, w);
                 OnnxTensor hid = tensor(hidden, 1, objects, hiddenCh, h, w)) {
                value = run(valueEncoder, Map.of("image", imageT, "ab", abT, "f16", f16, "hidden", hid), "value",
                        new long[] {1, objects, cv, h, w});
            }
            float[] att;
            try (OnnxTensor q = tensor(enc.get("key"), 1, ck, h, w); OnnxTensor k = tensor(enc.get("key"), 1, ck, h, w);
                 OnnxTensor v = tensor(value, 1, objects, cv, h, w)) {
                att = run(attention, Map.of("query_key", q, "memory_key", k, "memory_value", v), "attention",
                        new long[] {1, objects, cv, h, w});
            }
            assertClose(numbers(golden, "attention"), att, stride, 1e-3f, "attention");
            float[] readout = value.clone();
            for (int i = 0; i < readout.length; i++) readout[i] += att[i];
            try (OnnxTensor f16 = tensor(enc.get("f16"), 1, channel("f16"), h, w);
                 OnnxTensor f8 = tensor(enc.get("f8"), 1, channel("f8"), height / 8, width / 8);
                 OnnxTensor f4 = tensor(enc.get("f4"), 1, channel("f4"), height / 4, width / 4);
                 OnnxTensor rd = tensor(readout, 1, objects, cv, h, w);
                 OnnxTensor hid = tensor(hidden, 1, objects, hiddenCh, h, w)) {
                Map<String, OnnxTensor> inputs = Map.of("f16", f16, "f8", f8, "f4", f4, "readout", rd, "hidden", hid);
                float[] out = run(decoder, inputs, "ab", new long[] {1, 2, height, width});
                assertClose(numbers(golden, "ab"), out, stride, 1e-3f, "ab");
                float[] state = run(decoder, inputs, "hidden_out", new long[] {1, objects, hiddenCh, h, w});
                assertClose(numbers(golden, "state"), state, stride, 1e-3f, "state");

                float[] opposite = ab.clone();
                for (int i = 0; i < opposite.length; i++) opposite[i] = -opposite[i];
                try (OnnxTensor oppositeAb = tensor(opposite, 1, 2, height, width);
                     OnnxTensor stateT = tensor(state, 1, objects, hiddenCh, h, w)) {
                    float[] oppositeValue = run(valueEncoder, Map.of("image", imageT, "ab", oppositeAb, "f16", f16, "hidden", hid), "value",
                            new long[] {1, objects, cv, h, w});
                    try (OnnxTensor oppositeReadout = tensor(oppositeValue, 1, objects, cv, h, w)) {
                        float[] steady = run(decoder, Map.of("f16", f16, "f8", f8, "f4", f4, "readout", oppositeReadout, "hidden", stateT), "ab",
                                new long[] {1, 2, height, width});
                        assertClose(numbers(golden, "steady_ab"), steady, stride, 1e-3f, "steady_ab");
                    }
                    float[] stored = run(valueEncoder, Map.of("image", imageT, "ab", oppositeAb, "f16", f16, "hidden", stateT), "value",
                            new long[] {1, objects, cv, h, w});
                    assertClose(numbers(golden, "stored_value"), stored, stride, 1e-3f, "stored_value");
                }
            }
        }
    }

    @Test
    void storedChromaComesBackThroughDecoderAndRefiner() throws Exception {
        int height = 64, width = 96, h = 4, w = 6;
        int cv = channel("value"), objects = channel("objects"), hiddenCh = channel("hidden");
        float[] ab = new float[2 * height * width];
        for (int i = 0; i < height * width; i++) {
            ab[i] = 0.25f;
            ab[height * width + i] = -0.4f;
        }
        float[] image = new float[3 * height * width];
        try (OrtSession valueEncoder = session("value_encoder"); OrtSession decoder = session("decoder");
             OrtSession refiner = session("refiner");
             OnnxTensor imageT = tensor(image, 1, 3, height, width); OnnxTensor abT = tensor(ab, 1, 2, height, width);
             OnnxTensor f16 = tensor(new float[channel("f16") * h * w], 1, channel("f16"), h, w);
             OnnxTensor f8 = tensor(new float[channel("f8") * 8 * 12], 1, channel("f8"), 8, 12);
             OnnxTensor f4 = tensor(new float[channel("f4") * 16 * 24], 1, channel("f4"), 16, 24);
             OnnxTensor hid = tensor(new float[objects * hiddenCh * h * w], 1, objects, hiddenCh, h, w)) {
            float[] value = run(valueEncoder, Map.of("image", imageT, "ab", abT, "f16", f16, "hidden", hid), "value",
                    new long[] {1, objects, cv, h, w});
            // readout + local attention: twice the mass, the decoder must normalise it away
            float[] doubled = value.clone();
            for (int i = 0; i < doubled.length; i++) doubled[i] *= 2;
            float[] out;
            try (OnnxTensor rd = tensor(doubled, 1, objects, cv, h, w)) {
                out = run(decoder, Map.of("f16", f16, "f8", f8, "f4", f4, "readout", rd, "hidden", hid), "ab",
                        new long[] {1, 2, height, width});
            }
            assertEquals(0.25f, out[0], 1e-5f);
            assertEquals(-0.4f, out[out.length - 1], 1e-5f);
            float[] lightness = new float[200 * 300];
            for (int i = 0; i < lightness.length; i++) lightness[i] = (float) Math.sin(i * 0.01);
            try (OnnxTensor lt = tensor(lightness, 1, 1, 200, 300); OnnxTensor small = tensor(out, 1, 2, height, width)) {
                float[] full = run(refiner, Map.of("lightness", lt, "network_ab", small), "ab", new long[] {1, 2, 200, 300});
                for (int i = 0; i < 200 * 300; i += 997) {
                    assertEquals(0.25f, full[i], 1e-4f);
                    assertEquals(-0.4f, full[200 * 300 + i], 1e-4f);
                }
            }
        }
    }

    private static void assertClose(float[] expectedSampled, float[] actual, int stride, float tol, String what) {
        assertEquals((actual.length + stride - 1) / stride, expectedSampled.length, what + " sample count");
        for (int i = 0; i < expectedSampled.length; i++) {
            assertEquals(expectedSampled[i], actual[i * stride], tol, what + "[" + i * stride + "]");
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*([^,}\\]]+)").matcher(json);
        assertTrue(m.find(), name);
        return m.group(1).trim();
    }

    private static float[] numbers(String json, String name) {
        int start = json.indexOf('[', json.indexOf("\"" + name + "\""));
        int end = json.indexOf(']', start);
        List<Float> v = new ArrayList<>();
        for (String s : json.substring(start + 1, end).split(",")) v.add(Float.parseFloat(s.trim()));
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }
}
