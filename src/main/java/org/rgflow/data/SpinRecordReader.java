package org.rgflow.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DataVec {@code RecordReader} over a spin dataset directory. Each record is
 * {@code [NDArrayWritable spins [1, numSites] (FLOAT/DOUBLE, encoding per ReadOptions),
 * DoubleWritable temperature, IntWritable length, Text model, DoubleWritable sigma]} (sigma NaN when
 * not long-range). {@link #next(int)} returns a {@link SpinRecordBatch} backed by one
 * [num, numSites] array. Initialise with {@code new FileSplit(datasetDir)} or use a constructor
 * that takes the directory; the dataset is verified ({@link SpinDataset#open}) on initialisation.
 * Options can also come from a DataVec {@link Configuration} (keys below).
 */
public class SpinRecordReader extends BaseRecordReader {

    private static final long serialVersionUID = 1L;
    /** Configuration key: {@code plus-minus-one} or {@code zero-one}. */
    public static final String ENCODING = "rgflow.data.encoding";
    /** Configuration key: {@code FLOAT} or {@code DOUBLE}. */
    public static final String DATA_TYPE = "rgflow.data.dataType";
    /** Configuration key: shuffle seed (absent = no shuffling). */
    public static final String SHUFFLE_SEED = "rgflow.data.shuffleSeed";
    /** Configuration key: comma-separated temperatures to keep. */
    public static final String TEMPERATURES = "rgflow.data.temperatures";
    /** Configuration key: absolute tolerance of the temperature filter. */
    public static final String TOLERANCE = "rgflow.data.temperatureTolerance";

    private ReadOptions options;
    private Configuration conf;
    private long epoch;
    private transient SpinDataset dataset;
    private transient int[] selected;
    private transient RowSource source;
    private transient SpinBatchEncoder encoder;

    /** A reader with {@link ReadOptions#defaults()}; call {@code initialize(new FileSplit(dir))}. */
    public SpinRecordReader() {
        this(ReadOptions.defaults());
    }

    /** A reader with the given options; call {@code initialize(new FileSplit(dir))}. */
    public SpinRecordReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Opens, verifies and initialises on {@code dir} with default options. */
    public SpinRecordReader(Path dir) {
        this(SpinDataset.open(dir), ReadOptions.defaults());
    }

    /** A reader on an already opened dataset. */
    public SpinRecordReader(SpinDataset dataset, ReadOptions options) {
        this(options);
        attach(dataset);
    }

    @Override
    public void initialize(InputSplit split) throws IOException, InterruptedException {
        super.initialize(split);
        attach(SpinDataset.open(datasetDir(split)));
    }

    @Override
    public void initialize(Configuration configuration, InputSplit split) throws IOException, InterruptedException {
        setConf(configuration);
        initialize(split);
    }

    private void attach(SpinDataset ds) {
        this.dataset = ds;
        this.selected = ds.select(options.temperatures(), options.temperatureTolerance());
        this.encoder = new SpinBatchEncoder(ds.numSites(), options);
        this.epoch = 0;
        restart();
    }

    private void restart() {
        if (source != null) {
            source.close();
        }
        source = RowSource.create(dataset, selected, options, epoch);
    }

    private static Path datasetDir(InputSplit split) {
        Path p;
        if (split instanceof FileSplit fs) {
            p = fs.getRootDir().toPath();
        } else if (split.locations() != null && split.locations().length > 0) {
            p = Path.of(split.locations()[0]);
        } else {
            throw new IllegalArgumentException("SpinRecordReader needs a FileSplit on the dataset directory, got "
                    + split);
        }
        return Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
    }

    /** The dataset being read; null before initialisation. */
    public SpinDataset dataset() {
        return dataset;
    }

    public ReadOptions options() {
        return options;
    }

    /** Number of records in one pass (after the temperature filter and the row range). */
    public long numRecords() {
        requireInitialised();
        return Arrays.stream(selected).mapToLong(i -> {
            long count = dataset.shards().get(i).count();
            return options.endRow(count) - options.firstRow(count);
        }).sum();
    }

    @Override
    public boolean batchesSupported() {
        return true;
    }

    @Override
    public List<List<Writable>> next(int num) {
        return nextBatch(num);
    }

    /**
     * The next up to {@code num} records as one batch.
     *
     * @throws NoSuchElementException if the pass is over
     */
    public SpinRecordBatch nextBatch(int num) {
        if (num < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + num);
        }
        if (!hasNext()) {
            throw new NoSuchElementException("no more records; call reset() to start a new pass");
        }
        SpinRecordBatch batch = encoder.read(source, num, dataset);
        if (!source.hasNext()) {
            source.close(); // release the file handles as soon as a pass ends
        }
        invokeListeners(batch);
        return batch;
    }

    @Override
    public List<Writable> next() {
        return nextBatch(1).get(0);
    }

    @Override
    public boolean hasNext() {
        requireInitialised();
        return source.hasNext();
    }

    /** The dataset's temperatures, ascending, as strings: the class names of a thermometer. */
    @Override
    public List<String> getLabels() {
        requireInitialised();
        return dataset.temperatures().stream().map(String::valueOf).toList();
    }

    /** Starts a new pass; a new permutation only if {@link ReadOptions#reshuffleEachEpoch()}. */
    @Override
    public void reset() {
        requireInitialised();
        if (options.reshuffleEachEpoch()) {
            epoch++;
        }
        restart();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream stream) {
        throw new UnsupportedOperationException("spin datasets are directories of .npy shards, not streams; "
                + "use initialize(new FileSplit(datasetDir))");
    }

    @Override
    public Record nextRecord() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records; call reset() to start a new pass");
        }
        SpinBatchEncoder.Located one = encoder.readLocated(source, dataset);
        if (!source.hasNext()) {
            source.close();
        }
        URI uri = dataset.spinsPath(one.shard()).toUri();
        return new org.datavec.api.records.impl.Record(one.record(),
                new RecordMetaDataIndex(one.row(), uri, SpinRecordReader.class));
    }

    @Override
    public Record loadFromMetaData(RecordMetaData metaData) {
        return loadFromMetaData(List.of(metaData)).get(0);
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> list) {
        requireInitialised();
        List<Record> out = new ArrayList<>(list.size());
        try (ShardChannels channels = new ShardChannels(dataset)) {
            for (RecordMetaData m : list) {
                if (!(m instanceof RecordMetaDataIndex idx)) {
                    throw new IllegalArgumentException("expected RecordMetaDataIndex from this reader, got " + m);
                }
                int shard = shardOf(idx.getURI());
                out.add(new org.datavec.api.records.impl.Record(
                        encoder.readRow(channels, shard, idx.getIndex(), dataset), m));
            }
        }
        return out;
    }

    private int shardOf(URI uri) {
        for (int i = 0; i < dataset.shards().size(); i++) {
            if (dataset.spinsPath(i).toUri().equals(uri)) {
                return i;
            }
        }
        throw new IllegalArgumentException(uri + " is not a shard of " + dataset.dir());
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }

    /** Reads options from {@code conf} (keys {@link #ENCODING} etc.), on top of the current ones. */
    @Override
    public void setConf(Configuration configuration) {
        this.conf = configuration;
        ReadOptions o = options;
        String v = configuration.get(ENCODING);
        if (v != null) {
            o = o.withEncoding(SpinEncoding.fromId(v.trim()));
        }
        if ((v = configuration.get(DATA_TYPE)) != null) {
            o = o.withDataType(org.nd4j.linalg.api.buffer.DataType.valueOf(v.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        if ((v = configuration.get(SHUFFLE_SEED)) != null) {
            o = o.withShuffle(Long.parseLong(v.trim()));
        }
        if ((v = configuration.get(TOLERANCE)) != null) {
            o = o.withTemperatureTolerance(Double.parseDouble(v.trim()));
        }
        String[] temps = configuration.getTrimmedStrings(TEMPERATURES);
        if (temps != null && temps.length > 0) {
            o = o.withTemperatures(Arrays.stream(temps).map(Double::valueOf).toList());
        }
        this.options = o;
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    private void requireInitialised() {
        if (dataset == null) {
            throw new IllegalStateException("SpinRecordReader is not initialised: call initialize(new FileSplit(dir))");
        }
    }

    /** The writables of one record. */
    static List<Writable> record(INDArray row, double temperature, DatasetLabels labels) {
        return new ArrayList<>(List.of(new NDArrayWritable(row), new DoubleWritable(temperature),
                new IntWritable(labels.length()), new Text(labels.model()), new DoubleWritable(labels.sigma())));
    }
}
