/**
 * On-disk datasets of spin configurations: int8 {@code .npy} shards plus the {@code dataset}
 * section of {@code manifest.json} (format: {@code docs/datasets.md}). Write with
 * {@link org.rgflow.data.SpinDatasetWriter} (or DataVec's {@link org.rgflow.data.SpinRecordWriter}),
 * verify with {@link org.rgflow.data.SpinDataset#open}, read with DataVec's
 * {@link org.rgflow.data.SpinRecordReader} or DL4J's {@link org.rgflow.data.SpinDataSetIterator}.
 * Sees only arrays and labels: must not import {@code lattice}, {@code hamiltonian} or {@code mc}.
 */
package org.rgflow.data;
