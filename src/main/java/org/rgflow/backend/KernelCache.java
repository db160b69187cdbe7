package org.rgflow.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers a {@link KernelDecision.Prober}'s answers on disk, so the child JVMs run once per
 * machine: {@code ${XDG_CACHE_HOME:-~/.cache}/rgflow/openblas-kernel-<key>.json} (or
 * {@code java.io.tmpdir/rgflow-<user>} when that is not writable), a flat JSON object written
 * atomically (temporary file, then rename). The key names the processor (vendor, family, model,
 * stepping, hash of the flags), the OpenBLAS artifact version and this check's version. Answers
 * the probe could not give (no child JVM) are not remembered.
 */
final class KernelCache implements KernelDecision.Prober {

    /** Bump when {@link GemmCheck} or the decision changes, so old verdicts are not reused. */
    static final int CHECK_VERSION = 1;
    /** Overrides the cache directory (also used by tests). */
    static final String DIRECTORY_PROPERTY = "rgflow.blas.cacheDir";

    private static final Pattern ENTRY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path file;
    private final KernelDecision.Prober delegate;

    KernelCache(Path file, KernelDecision.Prober delegate) {
        this.file = file;
        this.delegate = delegate;
    }

    /** The cache file for a processor and OpenBLAS version in the default (or configured) directory. */
    static Path fileFor(CpuInfo cpu, String openBlasVersion) {
        String name = "openblas-kernel-" + cpu.key() + "-openblas-" + openBlasVersion.replaceAll("[^A-Za-z0-9.-]", "_")
                + "-v" + CHECK_VERSION + ".json";
        return directory().resolve(name);
    }

    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = home.resolve("rgflow");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the temporary directory
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "rgflow-" + System.getProperty("user.name", "user"));
    }

    @Override
    public KernelDecision.Probe detect() {
        return cached("detected", delegate::detect);
    }

    @Override
    public KernelDecision.Probe verify(String coreType) {
        return cached("verify." + coreType, () -> delegate.verify(coreType));
    }

    private KernelDecision.Probe cached(String key, java.util.function.Supplier<KernelDecision.Probe> probe) {
        Map<String, String> entries = read(file);
        String status = entries.get(key + ".status");
        String value = entries.get(key + ".value");
        if (status != null && value != null) {
            try {
                return new KernelDecision.Probe(KernelDecision.Status.valueOf(status), value);
            } catch (IllegalArgumentException e) {
                // unreadable entry: probe again
            }
        }
        KernelDecision.Probe answer = probe.get();
        if (answer.status() != KernelDecision.Status.PROBE_FAILED) {
            Map<String, String> updated = new LinkedHashMap<>(read(file));
            updated.put(key + ".status", answer.status().name());
            updated.put(key + ".value", answer.value());
            updated.put(key + ".date", java.time.Instant.now().toString());
            write(file, updated);
        }
        return answer;
    }

    /** The flat string map stored in {@code file}; empty when missing or unreadable. */
    static Map<String, String> read(Path file) {
        Map<String, String> map = new LinkedHashMap<>();
        try {
            Matcher m = ENTRY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                map.put(unescape(m.group(1)), unescape(m.group(2)));
            }
        } catch (IOException | RuntimeException e) {
            map.clear();
        }
        return map;
    }

    /** Writes the map as JSON through a temporary sibling and a rename; failures are ignored. */
    static void write(Path file, Map<String, String> map) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            json.append("  \"").append(escape(e.getKey())).append("\": \"").append(escape(e.getValue())).append('"')
                    .append(++i < map.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do: the next run probes again
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'u' && i + 4 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
