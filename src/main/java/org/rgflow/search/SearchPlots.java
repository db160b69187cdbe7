package org.rgflow.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rgflow.plot.LinePlot;

/**
 * PNG summaries of a search: {@code score-vs-<param>.png} for every free parameter (successful candidates;
 * categorical values are plotted at their position in the value list, booleans at 0/1; log-scale x for log
 * dimensions) and {@code best-score.png} (best score so far against candidate number).
 */
public final class SearchPlots {

    private SearchPlots() {
    }

    /** @return the written file names, relative to {@code dir} */
    public static List<String> write(Path dir, SearchSpace space, List<CandidateRecord> records, String scoreName)
            throws IOException {
        List<String> files = new ArrayList<>();
        List<CandidateRecord> ok = records.stream().filter(CandidateRecord::ok).toList();
        if (ok.isEmpty()) {
            return files;
        }
        double[] y = ok.stream().mapToDouble(CandidateRecord::score).toArray();
        for (String name : space.freeNames()) {
            Dimension d = space.dimensions().get(name);
            double[] x = ok.stream().mapToDouble(r -> position(d, r.parameters().get(name))).toArray();
            LinePlot plot = LinePlot.of(scoreName + " vs " + name, name + (d instanceof Dimension.Choice
                    ? " (value index)" : ""), scoreName).points("candidates", x, y, null);
            if ((d instanceof Dimension.Continuous c && c.log()) || (d instanceof Dimension.IntRange i && i.log())) {
                plot.logX();
            }
            String file = "score-vs-" + name + ".png";
            plot.writePng(dir.resolve(file));
            files.add(file);
        }
        double[] idx = ok.stream().mapToDouble(CandidateRecord::index).toArray();
        double[] best = new double[y.length];
        boolean minimize = false;
        RbmScore s = scoreOf(scoreName);
        if (s != null) {
            minimize = s.minimize();
        }
        for (int i = 0; i < y.length; i++) {
            best[i] = i == 0 ? y[0] : (minimize ? Math.min(best[i - 1], y[i]) : Math.max(best[i - 1], y[i]));
        }
        LinePlot.of("best " + scoreName + " so far", "candidate", scoreName).points("score", idx, y, null)
                .series("best so far", idx, best, null, LinePlot.Style.LINE).writePng(dir.resolve("best-score.png"));
        files.add("best-score.png");
        return files;
    }

    private static RbmScore scoreOf(String name) {
        try {
            return RbmScore.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double position(Dimension d, String text) {
        if (d instanceof Dimension.Choice c) {
            for (int i = 0; i < c.values().size(); i++) {
                if (String.valueOf(c.values().get(i)).equals(text)) {
                    return i;
                }
            }
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }
}
