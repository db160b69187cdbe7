package org.rgflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rgflow.config.ConfigException;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SampleConfig;
import org.rgflow.config.ThermometerConfig;
import org.rgflow.config.TrainConfig;

/**
 * The steps of each reproduction pipeline that {@code --set ROLE:key=value} can reach: role, config type and shipped
 * config file. {@link #checkOverrides} validates every user override against the configs of its steps before any
 * step runs; {@link ReproduceContext} refuses a step missing from this table, so it cannot drift from the pipelines.
 */
final class ReproduceSteps {

    /** One step: {@code role} may contain {@code <n>} (a lattice size). */
    record Step(String role, Class<?> configType, Path config) {

        boolean named(String actualRole) {
            return Pattern.matches(Pattern.quote(role).replace("<n>", "\\E\\d+\\Q"), actualRole);
        }

        /** Whether the user's role (ROLE, ROLE*, or a concrete ROLE for an {@code <n>} step) reaches this step. */
        boolean reachedBy(String userRole) {
            return ReproduceCommand.roleMatches(userRole, role.replace("<n>", "0")) || named(userRole);
        }
    }

    private static final Path ISO = Path.of("configs", "iso2018");
    private static final Path KOCH = Path.of("configs", "koch2020");
    private static final Path MEHTA = Path.of("configs", "mehta2014");
    private static final Path SHORT = Path.of("configs", "shortsighted2020");

    private static final Map<String, List<Step>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("iso2018", List.of(
                new Step("sample", SampleConfig.class, ISO.resolve("sample.yaml")),
                new Step("sample-control-hot", SampleConfig.class, ISO.resolve("sample-control-hot.yaml")),
                new Step("sample-control-cold", SampleConfig.class, ISO.resolve("sample-control-cold.yaml")),
                new Step("train", TrainConfig.class, ISO.resolve("train.yaml")),
                new Step("train-control-hot", TrainConfig.class, ISO.resolve("train.yaml")),
                new Step("train-control-cold", TrainConfig.class, ISO.resolve("train.yaml")),
                new Step("thermometer", ThermometerConfig.class, ISO.resolve("thermometer.yaml")),
                new Step("sample-coarse", SampleConfig.class, ISO.resolve("sample.yaml")),
                new Step("thermometer-coarse", ThermometerConfig.class, ISO.resolve("thermometer.yaml"))));
        STEPS.put("koch2020", List.of(
                new Step("sample", SampleConfig.class, KOCH.resolve("sample.yaml")),
                new Step("train", TrainConfig.class, KOCH.resolve("train.yaml"))));
        STEPS.put("mehta2014", List.of(
                new Step("sample", SampleConfig.class, MEHTA.resolve("sample.yaml")),
                new Step("train", TrainConfig.class, MEHTA.resolve("train.yaml"))));
        STEPS.put("funai2018", List.of(
                new Step("sample", SampleConfig.class, ISO.resolve("sample.yaml")),
                new Step("train", TrainConfig.class, ISO.resolve("train.yaml"))));
        STEPS.put("shortsighted2020", List.of(
                new Step("sample", SampleConfig.class, SHORT.resolve("sample.yaml")),
                new Step("train", TrainConfig.class, SHORT.resolve("train.yaml")),
                new Step("train-stack", TrainConfig.class, SHORT.resolve("train-stack.yaml")),
                new Step("nn-sample", SampleConfig.class, KOCH.resolve("sample.yaml")),
                new Step("nn-train", TrainConfig.class, KOCH.resolve("train.yaml")),
                new Step("thermometer-sample-L<n>", SampleConfig.class, SHORT.resolve("sample-thermometer.yaml")),
                new Step("thermometer-L<n>", ThermometerConfig.class, SHORT.resolve("thermometer.yaml"))));
    }

    private ReproduceSteps() {
    }

    /** The role names of each paper's steps, in pipeline order. */
    static Map<String, List<String>> roles() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        STEPS.forEach((paper, steps) -> out.put(paper, steps.stream().map(Step::role).toList()));
        return out;
    }

    /**
     * Binds each user override ({ROLE, key=value}) to the shipped config of every step it reaches, before anything
     * runs: an unknown key or a bad value is a {@link UserException} naming the override and the config file.
     */
    static void checkOverrides(String paper, List<String[]> userSets) {
        for (String[] set : userSets) {
            List<Step> reached = new ArrayList<>();
            for (Step s : STEPS.get(paper)) {
                if (s.reachedBy(set[0]) && reached.stream().noneMatch(r -> r.config().equals(s.config()))) {
                    reached.add(s);
                }
            }
            for (Step s : reached) {
                try {
                    ConfigLoader.of(s.configType()).load(s.config(), List.of(set[1]));
                } catch (ConfigException e) {
                    throw new UserException("--set '" + set[0] + ":" + set[1] + "' (step " + s.role() + "): "
                            + e.getMessage());
                }
            }
        }
    }

    /** Refuses a step this table does not list (a pipeline changed without it): a bug, not a user error. */
    static void requireListed(String paper, String role, Class<?> configType, Path config) {
        boolean listed = STEPS.getOrDefault(paper, List.of()).stream().anyMatch(s -> s.named(role)
                && s.configType().equals(configType) && s.config().equals(config));
        if (!listed) {
            throw new IllegalStateException("reproduce " + paper + ": step " + role + " (" + configType.getSimpleName()
                    + " " + config + ") is not listed in ReproduceSteps");
        }
    }
}
