package org.rgflow.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rgflow.provenance.AtomicFiles;

/**
 * The results table {@code results.csv}: {@code candidate,<parameter names…>,score,seconds,status,error}, one row
 * per candidate in candidate order, rewritten atomically after every candidate so an interrupted search leaves a
 * consistent table to resume from. Fields containing commas or quotes are quoted (RFC 4180).
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static String header(List<String> names) {
        return "candidate," + String.join(",", names) + ",score,seconds,status,error";
    }

    public static void write(Path file, List<String> names, List<CandidateRecord> records) throws IOException {
        StringBuilder sb = new StringBuilder(header(names)).append('\n');
        for (CandidateRecord r : records) {
            sb.append(r.index());
            for (String n : names) {
                sb.append(',').append(quote(r.parameters().get(n)));
            }
            sb.append(',').append(r.score()).append(',').append(String.format("%.3f", r.seconds()))
                    .append(',').append(r.status()).append(',').append(quote(r.error())).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a table written by {@link #write}; the header must list exactly {@code names}. */
    public static List<CandidateRecord> read(Path file, List<String> names) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(header(names))) {
            throw new IllegalArgumentException(file + ": header " + (lines.isEmpty() ? "missing" : "'" + lines.get(0)
                    + "'") + " does not match the search space (" + header(names) + "); resume needs the same config");
        }
        List<CandidateRecord> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() != names.size() + 5) {
                throw new IllegalArgumentException(file + ": malformed row '" + line + "'");
            }
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                p.put(names.get(i), f.get(i + 1));
            }
            int k = names.size() + 1;
            out.add(new CandidateRecord(Integer.parseInt(f.get(0)), p, Double.parseDouble(f.get(k)),
                    Double.parseDouble(f.get(k + 1)), CandidateRecord.Status.valueOf(f.get(k + 2)), f.get(k + 3)));
        }
        return out;
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
