package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_YCGCO;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColourTagsTest {

    @Test
    void aYuvOutputKeepsWhatIsKnownAndFillsTheRestWithBt709Limited() {
        ColourTags partial = new ColourTags(AVCOL_RANGE_JPEG, AVCOL_PRI_BT2020, AVCOL_TRC_UNSPECIFIED, AVCOL_SPC_SMPTE170M);
        assertEquals(new ColourTags(AVCOL_RANGE_JPEG, AVCOL_PRI_BT2020, AVCOL_TRC_BT709, AVCOL_SPC_SMPTE170M), partial.forYuvOutput());
        assertEquals(List.of("transfer"), partial.unstated());
        assertEquals(ColourTags.BT709_LIMITED, ColourTags.UNSPECIFIED.forYuvOutput());
        assertEquals(AVCOL_RANGE_MPEG, new ColourTags(AVCOL_RANGE_UNSPECIFIED, AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_BT709).forYuvOutput().range());
    }

    @Test
    void aMatrixTheScalerCannotConvertWithIsReplacedBySomethingItCan() {
        ColourTags ycgco = new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_YCGCO);
        assertTrue(ycgco.hasUnconvertibleMatrix());
        assertEquals(AVCOL_SPC_BT709, ycgco.forYuvOutput().matrix());
        assertFalse(ColourTags.BT709_LIMITED.hasUnconvertibleMatrix());
        assertFalse(new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_UNSPECIFIED).hasUnconvertibleMatrix());
    }

    @Test
    void theSegmentMetadataRoundTrips() {
        ColourTags tags = new ColourTags(AVCOL_RANGE_JPEG, AVCOL_PRI_BT2020, AVCOL_TRC_BT709, AVCOL_SPC_SMPTE170M);
        assertEquals(Optional.of(tags), ColourTags.fromMetadata(tags.toMetadata()));
        assertEquals(Optional.empty(), ColourTags.fromMetadata("pc/bt709"));
        assertEquals(Optional.empty(), ColourTags.fromMetadata("a/b/c/d"));
    }

    @Test
    void lumaSamplesConvertBetweenDepthsAndRanges() {
        assertEquals(64, LumaPlane.convert(16, 8, false, 10, false));
        assertEquals(940, LumaPlane.convert(235, 8, false, 10, false));
        assertEquals(235, LumaPlane.convert(940, 10, false, 8, false));
        assertEquals(235, LumaPlane.convert(941, 10, false, 8, false));
        assertEquals(236, LumaPlane.convert(942, 10, false, 8, false));
        assertEquals(255, LumaPlane.convert(1023, 10, false, 8, false));
        assertEquals(1023, LumaPlane.convert(255, 8, true, 10, true));
        assertEquals(0, LumaPlane.convert(0, 8, true, 10, true));
        assertEquals(16, LumaPlane.convert(0, 8, true, 8, false));
        assertEquals(235, LumaPlane.convert(255, 8, true, 8, false));
        assertEquals(255, LumaPlane.convert(235, 8, false, 8, true));
        assertEquals(77, LumaPlane.convert(77, 8, true, 8, true));
        LumaPlane plane = new LumaPlane(2, 1, 16, false, new short[] {(short) 4096, (short) 60160});
        assertEquals(List.of(16, 235), java.util.Arrays.stream(plane.convertedTo(8, false)).boxed().toList());
    }
}
