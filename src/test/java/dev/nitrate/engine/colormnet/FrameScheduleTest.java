package dev.nitrate.engine.colormnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colormnet.FrameSchedule.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame roles under mem_every, and the hidden state's rules per role. */
class FrameScheduleTest {

    private static List<Role> roles(FrameSchedule schedule, int frames) {
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            Role role = schedule.next();
            if (role.memoryFrame()) {
                schedule.memoryFrameStored();
            }
            roles.add(role);
        }
        return roles;
    }

    @Test
    void memoryFramesComeEveryMemEveryFramesAfterTheFirst() {
        FrameSchedule schedule = new FrameSchedule(3);
        schedule.begin(true);
        assertEquals(List.of(Role.EXEMPLAR_FRAME, Role.FRAME, Role.FRAME, Role.MEMORY_FRAME, Role.FRAME, Role.FRAME,
                Role.MEMORY_FRAME), roles(schedule, 7));
        assertEquals(7, schedule.framesSeen());
        assertEquals(3, schedule.memoryFramesAdded());

        schedule.begin(false);
        schedule.memoryFrameStored();
        assertEquals(List.of(Role.FIRST_PREDICTED, Role.FRAME, Role.FRAME, Role.MEMORY_FRAME), roles(schedule, 4));
        assertEquals(3, schedule.memoryFramesAdded());
    }

    @Test
    void theNextMemoryFrameCountsFromTheLastOneStored() {
        FrameSchedule schedule = new FrameSchedule(2);
        schedule.begin(true);
        schedule.next();
        schedule.memoryFrameStored();
        assertEquals(Role.FRAME, schedule.next());
        assertEquals(Role.MEMORY_FRAME, schedule.next());
        assertEquals(Role.MEMORY_FRAME, schedule.next(), "frame 2 was not stored, so frame 3 is still due");
    }

    @Test
    void hiddenStateTakesTheDeepUpdateOnMemoryFramesAndCarriesTheDecoderOutputOtherwise() {
        HiddenState deep = new HiddenState(2, 4, 3, 3, true);
        assertTrue(deep.takesDeepUpdate(Role.EXEMPLAR_FRAME));
        assertTrue(deep.takesDeepUpdate(Role.MEMORY_FRAME));
        assertFalse(deep.carriesDecoderOutput(Role.MEMORY_FRAME));
        assertTrue(deep.carriesDecoderOutput(Role.FRAME));
        for (Role untouched : List.of(Role.SEPARATE_EXEMPLAR, Role.FIRST_PREDICTED)) {
            assertFalse(deep.takesDeepUpdate(untouched), untouched.name());
            assertFalse(deep.carriesDecoderOutput(untouched), untouched.name());
        }
        HiddenState noDeep = new HiddenState(2, 4, 3, 3, false);
        for (Role role : Role.values()) {
            assertFalse(noDeep.takesDeepUpdate(role), role.name());
        }
        assertTrue(noDeep.carriesDecoderOutput(Role.MEMORY_FRAME));
        assertTrue(noDeep.carriesDecoderOutput(Role.FRAME));
        assertFalse(noDeep.carriesDecoderOutput(Role.FIRST_PREDICTED));
    }
}
