package org.rgflow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of {@code rgflow bench rbm} as Markdown: one row per shape and thread count (and one per shape for
 * rgflow's default, {@link #AUTO}), for every implementation the median samples&middot;epochs/s with [min, max] and
 * the effective GFLOP/s at the median, then the ratios rgflow / peer of the medians. In the {@link #AUTO} rows each
 * peer is shown at its faster measured thread count, and the ratios are against that.
 */
final class RbmTable {

    static final String RGFLOW = "rgflow";
    static final String AUTO = "auto";
    static final List<String> PEERS = List.of("sklearn", "torch", "numpy");
    /** The ratio the project wants &ge; 1 on every shape (PERFORMANCE.md, the stretch goal). */
    static final String KEY_PEER = "numpy";

    private RbmTable() {
    }

    static String label(String impl) {
        return switch (impl) {
            case RGFLOW -> "rgflow f32";
            case "sklearn" -> "sklearn f64 (PCD-1)";
            case "torch" -> "torch f32";
            case "numpy" -> "numpy f32";
            default -> impl;
        };
    }

    /** The Markdown lines: header, separator, rows. */
    static List<String> lines(int[][] shapes, List<Integer> threads, List<RbmFigure> figures) {
        List<String> head = new ArrayList<>(List.of("V × H", "threads"));
        for (String impl : impls()) {
            head.add(label(impl) + " s·e/s [min, max]");
            head.add("GFLOP/s");
        }
        for (String peer : PEERS) {
            head.add("/" + peer);
        }
        List<String> out = new ArrayList<>();
        out.add(row(head));
        out.add(row(head.stream().map(h -> "---").toList()));
        for (int[] s : shapes) {
            for (int t : threads) {
                out.add(row(cells(s[0], s[1], String.valueOf(t), figures, List.of(String.valueOf(t)))));
            }
            out.add(row(cells(s[0], s[1], AUTO, figures, threads.stream().map(String::valueOf).toList())));
        }
        return out;
    }

    /**
     * One line on the key ratio, rgflow / numpy f32: on how many rows it is &ge; 1 and the rows where it is not.
     */
    static String keyRatioSummary(int[][] shapes, List<Integer> threads, List<RbmFigure> figures) {
        List<String> below = new ArrayList<>();
        int rows = 0;
        int atLeastOne = 0;
        List<String> labels = new ArrayList<>(threads.stream().map(String::valueOf).toList());
        labels.add(AUTO);
        for (int[] s : shapes) {
            for (String t : labels) {
                List<String> peerThreads = t.equals(AUTO) ? threads.stream().map(String::valueOf).toList() : List.of(t);
                double r = ratio(find(figures, RGFLOW, s[0], s[1], t), best(figures, KEY_PEER, s[0], s[1], peerThreads));
                if (Double.isNaN(r)) {
                    continue;
                }
                rows++;
                if (r >= 1) {
                    atLeastOne++;
                } else {
                    below.add(String.format(Locale.ROOT, "%dx%d t=%s %.2f", s[0], s[1], t, r));
                }
            }
        }
        if (rows == 0) {
            return "rgflow / " + label(KEY_PEER) + ": not measured";
        }
        return String.format(Locale.ROOT, "rgflow / %s >= 1 on %d of %d rows%s", label(KEY_PEER), atLeastOne, rows,
                below.isEmpty() ? "" : "; below 1: " + String.join(", ", below));
    }

    private static List<String> impls() {
        List<String> all = new ArrayList<>(List.of(RGFLOW));
        all.addAll(PEERS);
        return all;
    }

    private static List<String> cells(int v, int h, String t, List<RbmFigure> figures, List<String> peerThreads) {
        List<String> c = new ArrayList<>(List.of(v + " × " + h, t));
        Optional<RbmFigure> ours = find(figures, RGFLOW, v, h, t);
        c.add(ours.map(RbmTable::spread).orElse("n/a"));
        c.add(ours.map(f -> gflops(f)).orElse("n/a"));
        List<Optional<RbmFigure>> peers = new ArrayList<>();
        for (String peer : PEERS) {
            Optional<RbmFigure> p = best(figures, peer, v, h, peerThreads);
            peers.add(p);
            c.add(p.map(f -> spread(f) + (t.equals(AUTO) ? " (t=" + f.threads() + ")" : "")).orElse("n/a"));
            c.add(p.map(f -> gflops(f)).orElse("n/a"));
        }
        for (Optional<RbmFigure> p : peers) {
            double r = ratio(ours, p);
            c.add(Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f", r));
        }
        return c;
    }

    private static double ratio(Optional<RbmFigure> ours, Optional<RbmFigure> peer) {
        return ours.isPresent() && peer.isPresent() ? ours.get().median() / peer.get().median() : Double.NaN;
    }

    static Optional<RbmFigure> find(List<RbmFigure> figures, String impl, int v, int h, String threads) {
        return best(figures, impl, v, h, List.of(threads));
    }

    /** The figure with the highest median among the given thread settings. */
    static Optional<RbmFigure> best(List<RbmFigure> figures, String impl, int v, int h, List<String> threads) {
        return figures.stream().filter(f -> f.impl().equals(impl) && f.visible() == v && f.hidden() == h
                && threads.contains(f.threads())).max(Comparator.comparingDouble(RbmFigure::median));
    }

    static String spread(RbmFigure f) {
        return compact(f.median()) + " [" + compact(f.min()) + ", " + compact(f.max()) + "]";
    }

    private static String gflops(RbmFigure f) {
        return String.format(Locale.ROOT, "%.1f", f.gflops(f.median()));
    }

    /** Three significant digits with k or M: 183k, 42.5k, 9.87k, 1.23M; n/a for NaN. */
    static String compact(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        String unit = a >= 999.5e3 ? "M" : a >= 999.5 ? "k" : "";
        double scaled = unit.equals("M") ? x / 1e6 : unit.equals("k") ? x / 1e3 : x;
        double s = Math.abs(scaled);
        String f = s >= 99.95 ? "%.0f" : s >= 9.995 ? "%.1f" : "%.2f";
        if (unit.isEmpty() && s >= 99.95) {
            f = "%.0f";
        }
        return String.format(Locale.ROOT, f, scaled) + unit;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
