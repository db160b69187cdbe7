package org.rgflow.data;

import org.rgflow.provenance.OutputFile;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.writer.RecordWriter;
import org.datavec.api.split.FileSplit;
import org.datavec.api.split.InputSplit;
import org.datavec.api.split.partition.PartitionMetaData;
import org.datavec.api.split.partition.Partitioner;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DataVec {@code RecordWriter} that writes a spin dataset through {@link SpinDatasetWriter}, so any
 * DataVec producer can create one. Records are {@code [NDArrayWritable spins (numSites values in
 * the input encoding, any shape), DoubleWritable temperature]}; the 5-column records of
 * {@link SpinRecordReader} are accepted too (their length, model and sigma must match the labels).
 * Initialise with a {@link FileSplit} on the dataset directory (if the path did not exist, the
 * empty placeholder file {@code FileSplit} creates there is replaced by the directory); the
 * {@link Partitioner} is ignored
 * (sharding follows the dataset format). {@link #close()} finishes the shards and writes a minimal
 * {@code manifest.json} (dataset + outputs), so the result opens with {@link SpinDataset#open}.
 * Labels and shard size come from the constructor or from a DataVec {@link Configuration}.
 */
public class SpinRecordWriter implements RecordWriter {

    /** Configuration keys used by the no-argument constructor + {@link #setConf(Configuration)}. */
    public static final String DIMENSION = "rgflow.data.dimension";
    public static final String LENGTH = "rgflow.data.length";
    public static final String MODEL = "rgflow.data.model";
    public static final String SIGMA = "rgflow.data.sigma";
    public static final String SHARD_SIZE = "rgflow.data.shardSize";
    public static final String INPUT_ENCODING = "rgflow.data.inputEncoding";

    private DatasetLabels labels;
    private SpinEncoding inputEncoding;
    private int shardSize;
    private Configuration conf;
    private Path dir;
    private SpinDatasetWriter writer;
    private DatasetIndex index;
    private List<OutputFile> files;
    private byte[] row;

    /** Labels from a {@link Configuration} passed to {@code initialize(conf, split, partitioner)}. */
    public SpinRecordWriter() {
        this.inputEncoding = SpinEncoding.PLUS_MINUS_ONE;
        this.shardSize = SpinDatasetWriter.DEFAULT_SHARD_SIZE;
    }

    public SpinRecordWriter(DatasetLabels labels, SpinEncoding inputEncoding, int shardSize) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.inputEncoding = Objects.requireNonNull(inputEncoding, "inputEncoding");
        this.shardSize = shardSize;
    }

    @Override
    public boolean supportsBatch() {
        return true;
    }

    @Override
    public void initialize(InputSplit split, Partitioner partitioner) {
        if (labels == null) {
            throw new IllegalStateException("SpinRecordWriter has no labels: use the labelled constructor or set "
                    + DIMENSION + ", " + LENGTH + " and " + MODEL + " in the Configuration");
        }
        if (!(split instanceof FileSplit fs)) {
            throw new IllegalArgumentException("SpinRecordWriter needs a FileSplit on the dataset directory, got "
                    + split);
        }
        File root = fs.getRootDir();
        if (root.isFile() && root.length() == 0 && !root.delete()) {
            // new FileSplit(path) creates an empty *file* when the path does not exist yet
            throw new DatasetException(root + ": an empty file (made by FileSplit) is in the way of the dataset "
                    + "directory and cannot be deleted; create the directory before the FileSplit");
        }
        this.dir = root.toPath();
        this.writer = SpinDatasetWriter.create(dir, labels, shardSize);
        this.row = new byte[labels.numSites()];
    }

    @Override
    public void initialize(Configuration configuration, InputSplit split, Partitioner partitioner) {
        setConf(configuration);
        initialize(split, partitioner);
    }

    @Override
    public PartitionMetaData write(List<Writable> record) {
        requireOpen();
        if (record.size() != 2 && record.size() != 5) {
            throw new IllegalArgumentException("a spin record has 2 writables [spins, temperature] or 5 "
                    + "[spins, temperature, length, model, sigma], got " + record.size());
        }
        if (!(record.get(0) instanceof NDArrayWritable nd)) {
            throw new IllegalArgumentException("column 0 must be an NDArrayWritable of spins, got "
                    + record.get(0).getClass().getSimpleName());
        }
        if (record.size() == 5) {
            checkLabels(record);
        }
        INDArray spins = nd.get();
        if (spins.length() != row.length) {
            throw new IllegalArgumentException("spins have " + spins.length() + " values, the dataset has numSites = "
                    + row.length + " (L=" + labels.length() + ", d=" + labels.dimension() + ")");
        }
        double[] values = spins.reshape(spins.length()).castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < row.length; i++) {
            row[i] = inputEncoding.decode(values[i]);
        }
        writer.write(row, record.get(1).toDouble());
        return PartitionMetaData.builder().numRecordsUpdated(1).build();
    }

    private void checkLabels(List<Writable> record) {
        int length = record.get(2).toInt();
        String model = record.get(3).toString();
        double sigma = record.get(4).toDouble();
        if (length != labels.length() || !model.equals(labels.model()) || Double.compare(sigma, labels.sigma()) != 0) {
            throw new IllegalArgumentException("record labels (L=" + length + ", model=" + model + ", sigma=" + sigma
                    + ") differ from the dataset's " + labels);
        }
    }

    @Override
    public PartitionMetaData writeBatch(List<List<Writable>> batch) {
        for (List<Writable> r : batch) {
            write(r);
        }
        return PartitionMetaData.builder().numRecordsUpdated(batch.size()).build();
    }

    /** Finishes the dataset and writes the minimal manifest. Idempotent. */
    @Override
    public void close() {
        if (writer == null || index != null) {
            return;
        }
        index = writer.finish();
        files = writer.files();
        DatasetManifest.writeMinimal(dir, index, files);
    }

    /** The dataset index, after {@link #close()}. */
    public DatasetIndex index() {
        return index;
    }

    /** The files written (without manifest.json), after {@link #close()}. */
    public List<OutputFile> files() {
        return files;
    }

    @Override
    public void setConf(Configuration configuration) {
        this.conf = configuration;
        String model = configuration.get(MODEL);
        if (model != null) {
            String sigma = configuration.get(SIGMA);
            labels = new DatasetLabels(Integer.parseInt(configuration.get(DIMENSION, "")),
                    Integer.parseInt(configuration.get(LENGTH, "")), model,
                    sigma == null || sigma.isBlank() ? Double.NaN : Double.parseDouble(sigma));
        }
        shardSize = (int) configuration.getLong(SHARD_SIZE, shardSize);
        String enc = configuration.get(INPUT_ENCODING);
        if (enc != null) {
            inputEncoding = SpinEncoding.fromId(enc.trim());
        }
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    private void requireOpen() {
        if (writer == null) {
            throw new IllegalStateException("SpinRecordWriter is not initialised: call initialize(new FileSplit(dir), null)");
        }
        if (index != null) {
            throw new IllegalStateException("SpinRecordWriter is closed");
        }
    }
}
