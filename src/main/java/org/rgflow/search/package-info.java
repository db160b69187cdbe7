/**
 * Hyper-parameter searches on Arbiter (arbiter-core 1.0.0-beta7): YAML-free search spaces ({@link
 * org.rgflow.search.Dimension}, {@link org.rgflow.search.SearchSpace}) mapped to Arbiter parameter spaces, Arbiter's
 * random/grid/genetic generators ({@link org.rgflow.search.Generators}), and a deterministic runner ({@link
 * org.rgflow.search.SearchRunner}) with failure capture, a results table written after every candidate and resume.
 * Candidates are evaluated by a {@link org.rgflow.search.CandidateEvaluator}: RBMs ({@link
 * org.rgflow.search.RbmCandidateEvaluator}, {@link org.rgflow.search.RbmScore}, {@link org.rgflow.search.PhysicsScore})
 * or thermometer networks built from an arbiter-deeplearning4j {@code MultiLayerSpace} ({@link
 * org.rgflow.search.ThermometerSpace}, {@link org.rgflow.search.ThermometerCandidateEvaluator}, held-out accuracy).
 * This is the only package that may import {@code org.deeplearning4j.arbiter}; it must not depend on {@code config}
 * or {@code cli}.
 */
package org.rgflow.search;
