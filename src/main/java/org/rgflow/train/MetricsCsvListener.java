package org.rgflow.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends one row of {@link EpochMetrics#CSV_HEADER} per epoch to a CSV file (flushed at every row). When a layer
 * starts with epochs already done (a resumed run), rows of that layer after those epochs and of higher layers are
 * dropped first, so the file always describes one consistent run.
 */
public final class MetricsCsvListener implements RbmTrainingListener {

    private final Path file;

    public MetricsCsvListener(Path file) {
        this.file = file;
    }

    @Override
    public void onLayerStart(int layer, int epochsDone, int epochs, long batchesPerEpoch) {
        try {
            List<String> keep = new ArrayList<>();
            keep.add(EpochMetrics.CSV_HEADER);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split(",", 3);
                    if (line.isBlank() || line.equals(EpochMetrics.CSV_HEADER) || f.length < 3) {
                        continue;
                    }
                    int l = Integer.parseInt(f[0]);
                    int e = Integer.parseInt(f[1]);
                    if (l < layer || (l == layer && e <= epochsDone)) {
                        keep.add(line);
                    }
                }
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, keep, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics " + file, e);
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        try {
            Files.writeString(file, m.csvRow() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
