package org.rgflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what {@code rbm_peers.py} printed: its {@code RGFLOW-PEER {json}} lines of kind {@code start} (interpreter
 * and versions), {@code data} (the number of ones in each file it loaded), {@code result} (wall and CPU seconds of
 * every timed repetition), {@code blas} (the BLAS libraries, their core and threads) and {@code missing} (a module
 * that cannot be imported); every other line is a log line.
 */
final class RbmPeerOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = RbmPeers.PREFIX;

    private RbmPeerOutput() {
    }

    /** The outcome of one peer process from its output lines and exit code. */
    static RbmPeers.Outcome parse(RbmPeers.Peer peer, List<String> lines, int exitCode) {
        List<RbmFigure> figures = new ArrayList<>();
        Map<String, Long> ones = new LinkedHashMap<>();
        String start = null;
        String blas = null;
        String lastLog = "(no output)";
        for (String line : lines) {
            if (!line.startsWith(PREFIX)) {
                if (!line.isBlank()) {
                    lastLog = line.strip();
                }
                continue;
            }
            JsonNode n = json(line.substring(PREFIX.length()));
            switch (n.path("kind").asText()) {
                case "missing" -> {
                    return new RbmPeers.Outcome(peer.impl(), List.of(), Map.of(), null, "peer " + peer.impl() + ": "
                            + n.path("python").asText(peer.python()) + " cannot import it (" + n.path("error").asText()
                            + "); install: " + peer.install(), true);
                }
                case "start" -> start = describeStart(n);
                case "data" -> ones.put(n.path("path").asText(), n.path("ones").asLong());
                case "result" -> figures.add(new RbmFigure(peer.impl(), n.path("visible").asInt(),
                        n.path("hidden").asInt(), n.path("threads").asText(), n.path("rows").asLong(),
                        n.path("epochs").asInt(), doubles(n.path("seconds")), busyCores(n)));
                case "blas" -> blas = describeBlas(n.path("libraries"));
                default -> { }
            }
        }
        String description = start == null ? null : start + "; BLAS " + (blas == null ? "not reported" : blas);
        String failure = exitCode == 0 && !figures.isEmpty() ? null
                : "peer " + peer.impl() + " failed (exit code " + exitCode + ", " + figures.size()
                        + " results): " + lastLog;
        return new RbmPeers.Outcome(peer.impl(), figures, ones, description, failure, false);
    }

    private static String describeStart(JsonNode n) {
        StringBuilder s = new StringBuilder(n.path("version").asText()).append(" on ")
                .append(n.path("python").asText()).append(" (Python ").append(n.path("python_version").asText())
                .append(", numpy ").append(n.path("numpy").asText()).append(')');
        if (!n.path("torch_threads").isNull() && !n.path("torch_threads").isMissingNode()) {
            s.append(", torch.get_num_threads() ").append(n.path("torch_threads").asInt());
        }
        return s.toString();
    }

    private static String describeBlas(JsonNode libraries) {
        if (!libraries.isArray() || libraries.isEmpty()) {
            return "not found in the process";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode lib : libraries) {
            parts.add(describeLibrary(lib, true));
        }
        return String.join("; ", parts);
    }

    private static String describeLibrary(JsonNode lib, boolean withThreads) {
        String library = lib.path("library").asText("?");
        String config = lib.path("config").asText("").strip().replaceAll("\\s+", " ");
        StringBuilder s = new StringBuilder(config.toLowerCase(Locale.ROOT)
                .startsWith(library.toLowerCase(Locale.ROOT)) ? config : (library + " " + config).strip());
        s.append(", core ").append(lib.path("core").asText("unknown"));
        if (withThreads && lib.path("threads").isNumber()) {
            s.append(", threads ").append(lib.path("threads").asInt());
        }
        s.append(" (").append(Path.of(lib.path("path").asText("?")).getFileName());
        if (lib.has("via")) {
            s.append(", via ").append(lib.path("via").asText());
        }
        return s.append(')').toString();
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> d = new ArrayList<>();
        array.forEach(x -> d.add(x.asDouble()));
        return d;
    }

    private static double busyCores(JsonNode n) {
        double wall = doubles(n.path("seconds")).stream().mapToDouble(Double::doubleValue).sum();
        double cpu = doubles(n.path("cpu_seconds")).stream().mapToDouble(Double::doubleValue).sum();
        return wall > 0 && cpu > 0 ? cpu / wall : Double.NaN;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode(); // a garbled line counts as a log line of no kind
        }
    }
}
