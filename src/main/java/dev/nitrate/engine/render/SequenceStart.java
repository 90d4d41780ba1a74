package dev.nitrate.engine.render;

import dev.nitrate.engine.image.LabImage;
import java.util.List;

/**
 * A frame where the colorizer starts a fresh sequence, and what it starts from.
 *
 * @param exemplars the exemplars, fitted to the film
 * @param firstFrameIsExemplar true when the first exemplar is the colour version of this very frame (the
 *     release's default protocol, {@code --exemplar-is-frame}): the frame takes the exemplar's colour and is stored
 *     as the first memory frame; false when every exemplar is a separate reference
 */
record SequenceStart(List<LabImage> exemplars, boolean firstFrameIsExemplar) {

    SequenceStart {
        exemplars = List.copyOf(exemplars);
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one exemplar");
        }
    }
}
