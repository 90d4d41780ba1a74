package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.shots.Shot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where sequences start, and from what, in the two exemplar modes. */
class SequenceStartsTest {

    private static LabImage solid(float a) {
        return new LabImage(new FloatPlane(2, 2, new float[4]), new FloatPlane(2, 2, new float[] {a, a, a, a}), new FloatPlane(2, 2, new float[4]));
    }

    private final LabImage red = solid(40);
    private final LabImage green = solid(-40);
    private final LabImage blue = solid(5);
    private final List<Shot> shots = List.of(new Shot(0, 19), new Shot(20, 49));
    private final RenderPlan plan = new RenderPlan(List.of(red, green, blue), List.of(0L, 30L, 20L), List.of());

    @Test
    void separateExemplarsStartEachShotOnly() {
        Map<Long, SequenceStart> starts = plan.sequenceStarts(shots, false);
        assertEquals(Map.of(0L, new SequenceStart(List.of(red), false), 20L, new SequenceStart(List.of(green, blue), false)), starts);
    }

    @Test
    void anExemplarThatIsItsFramesColourStartsASequenceThereFirst() {
        Map<Long, SequenceStart> starts = plan.sequenceStarts(shots, true);
        assertEquals(3, starts.size(), starts.toString());
        SequenceStart atZero = starts.get(0L);
        assertTrue(atZero.firstFrameIsExemplar());
        assertEquals(List.of(red), atZero.exemplars());
        SequenceStart atTwenty = starts.get(20L);
        assertTrue(atTwenty.firstFrameIsExemplar(), "blue is pinned to the shot's first frame: it is that frame's colour");
        assertSame(blue, atTwenty.exemplars().get(0));
        assertEquals(List.of(blue, green), atTwenty.exemplars());
        SequenceStart atThirty = starts.get(30L);
        assertTrue(atThirty.firstFrameIsExemplar(), "green pinned past the shot's start begins a sequence at its own frame");
        assertEquals(List.of(green, blue), atThirty.exemplars());
    }

    @Test
    void twoExemplarsOnOneFrameTheFirstGivenIsTheFrame() {
        RenderPlan twoOnZero = new RenderPlan(List.of(red, green), List.of(0L, 0L), List.of());
        Map<Long, SequenceStart> starts = twoOnZero.sequenceStarts(List.of(new Shot(0, 9)), true);
        assertEquals(Map.of(0L, new SequenceStart(List.of(red, green), true)), starts);
        assertFalse(twoOnZero.sequenceStarts(List.of(new Shot(0, 9)), false).get(0L).firstFrameIsExemplar());
    }
}
