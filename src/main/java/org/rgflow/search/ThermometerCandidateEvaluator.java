package org.rgflow.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.Manifest;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerEvaluation;
import org.rgflow.thermometer.ThermometerFiles;
import org.rgflow.thermometer.ThermometerOptions;

/**
 * Trains one candidate thermometer ({@link Thermometer#train}, the options' seed) on the dataset's training rows
 * and scores it by accuracy on the held-out rows (the last {@code heldOutFraction} of every temperature; higher is
 * better). The candidate directory gets the saved thermometer ({@link ThermometerFiles}) and a {@code manifest.json}
 * with the parameters, accuracy, chance level and mean |&Delta;T|.
 */
public final class ThermometerCandidateEvaluator implements CandidateEvaluator {

    private final Function<Map<String, Object>, ThermometerOptions> options;
    private final SpinDataset data;

    /** @param options candidate parameters -&gt; options (heldOutFraction must be &gt; 0) */
    public ThermometerCandidateEvaluator(Function<Map<String, Object>, ThermometerOptions> options, SpinDataset data) {
        if (data.temperatures().size() < 2) {
            throw new IllegalArgumentException("a thermometer search needs a dataset with >= 2 temperatures, got "
                    + data.temperatures());
        }
        this.options = options;
        this.data = data;
    }

    @Override
    public double evaluate(int index, Map<String, Object> parameters, Path dir) throws IOException {
        ThermometerOptions o = options.apply(parameters);
        Thermometer t = Thermometer.train(data, o, null);
        ThermometerEvaluation e = t.evaluate(Thermometer.heldOutRows(data, o));
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("function", "accuracy");
        score.put("value", e.accuracy());
        score.put("chance", e.chance());
        score.put("meanAbsoluteTemperatureError", e.meanAbsoluteError());
        score.put("heldOutRows", e.count());
        Manifest.of("search-candidate", "candidate-" + index)
                .section("parameters", CandidateRecord.text(parameters))
                .section("options", o.toString())
                .section("score", score)
                .outputs(List.copyOf(ThermometerFiles.save(t, dir))).write(dir);
        return e.accuracy();
    }
}
