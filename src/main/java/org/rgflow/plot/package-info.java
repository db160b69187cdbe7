/**
 * Small headless PNG figures: line/scatter plots with error bars, log axes, marked points and
 * vertical lines ({@link org.rgflow.plot.LinePlot}, on XChart) and heatmaps of a grid of values
 * ({@link org.rgflow.plot.Heatmap}), written atomically by {@link org.rgflow.plot.FigureWriter}.
 * Depends on {@code provenance} only; knows no physics.
 */
package org.rgflow.plot;
