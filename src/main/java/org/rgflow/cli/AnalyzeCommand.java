package org.rgflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rgflow.backend.BackendInfo;
import org.rgflow.provenance.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow analyze flow|rg|correlators|weights|stacked-flow}: the RG-flow analyses of the {@code analysis}
 * package on models and datasets. Each writes {@code runs/analysis/<kind>-<model or dataset id>-<hash>/} (or
 * {@code --out}) with manifest.json (inputs with their manifest SHA-256, arguments, seeds, backend, outputs with
 * SHA-256), CSV tables and PNG figures.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "RG-flow analyses of trained models and datasets (manifest, CSV tables, PNG figures).",
        subcommands = {AnalyzeWeightsCommand.class, AnalyzeFlowCommand.class, AnalyzeRgCommand.class,
            AnalyzeCorrelatorsCommand.class, AnalyzeStackedFlowCommand.class})
final class AnalyzeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The common manifest of an analysis: kind {@code analysis-<kind>}, arguments, backend. */
    static Manifest manifest(String kind, String id, Map<String, Object> arguments) {
        return Manifest.of("analysis-" + kind, id)
                .section("arguments", arguments)
                .section("backend", BackendInfo.current());
    }

    /** A canonical one-line text of the arguments (input checksums included) for the output name hash. */
    static String canonical(Map<String, Object> arguments) {
        StringBuilder sb = new StringBuilder();
        new LinkedHashMap<>(arguments).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
