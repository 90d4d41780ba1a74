package dev.nitrate.engine.metrics;

import dev.nitrate.engine.image.LabImage;
import java.util.Objects;

/** Which exemplar colours the clip under evaluation. */
public sealed interface EvaluationExemplar permits EvaluationExemplar.FirstFrame, EvaluationExemplar.Image {

    /** The standard protocol: the colour original of frame 0 is the exemplar. */
    record FirstFrame() implements EvaluationExemplar {
        @Override
        public String toString() {
            return "frame 0";
        }
    }

    /** A separate colour image, already fitted to the frame size. */
    record Image(String name, LabImage lab) implements EvaluationExemplar {
        public Image {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lab, "lab");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    EvaluationExemplar FIRST_FRAME = new FirstFrame();
}
