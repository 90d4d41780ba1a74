package dev.nitrate.engine.metrics;

import dev.nitrate.engine.confidence.ConfidenceCorrelation;
import java.util.List;

/**
 * The outcome of evaluating one clip under the standard protocol.
 *
 * @param width frame width
 * @param height frame height
 * @param exemplar the exemplar used, in words
 * @param shots the shots found by hard-cut detection
 * @param methods the model (when one ran) first, then the baselines {@code gray} and {@code static}
 * @param colorizeSecondsPerFrame mean wall time of one colorize call, 0 when no model ran
 * @param confidence whether the model's confidence predicts its error (docs/confidence.md), or null when the model
 *     gives no confidence or none ran
 */
public record EvaluationReport(
        int width,
        int height,
        String exemplar,
        List<Shot> shots,
        List<MethodEvaluation> methods,
        double colorizeSecondsPerFrame,
        ConfidenceCorrelation.Correlations confidence) {

    /** A report without confidence figures. */
    public EvaluationReport(int width, int height, String exemplar, List<Shot> shots, List<MethodEvaluation> methods,
            double colorizeSecondsPerFrame) {
        this(width, height, exemplar, shots, methods, colorizeSecondsPerFrame, null);
    }

    public EvaluationReport {
        shots = List.copyOf(shots);
        methods = List.copyOf(methods);
    }

    /** The frames evaluated. */
    public int frames() {
        return shots.isEmpty() ? 0 : shots.get(shots.size() - 1).last() + 1;
    }
}
