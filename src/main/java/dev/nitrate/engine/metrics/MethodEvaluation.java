package dev.nitrate.engine.metrics;

import java.util.List;

/**
 * The figures of one way of colouring a clip: the model, or a trivial baseline.
 *
 * @param method {@code model}, {@code gray} or {@code static}
 * @param clip figures over the whole clip
 * @param shots figures per shot, in the order of {@link EvaluationReport#shots()}
 */
public record MethodEvaluation(String method, QualityFigures clip, List<QualityFigures> shots) {

    public MethodEvaluation {
        shots = List.copyOf(shots);
    }
}
