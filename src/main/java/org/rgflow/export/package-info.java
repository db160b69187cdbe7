/**
 * Export of trained models for reuse: DL4J ModelSerializer zip (restorable with rgflow on the
 * classpath), weights and biases as NumPy {@code .npy} files with a JSON description that Python
 * reads with numpy alone ({@link org.rgflow.export.ModelExporter}), and loading back with checksum
 * verification ({@link org.rgflow.export.ModelLoader}). Depends on {@code rbm} and {@code provenance}.
 */
package org.rgflow.export;
