package org.rgflow.search;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.generator.GeneticSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.SinglePointCrossover;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.parentselection.RandomTwoParentSelection;
import org.deeplearning4j.arbiter.optimize.generator.genetic.mutation.RandomMutationOperator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.population.EmptyPopulationInitializer;
import org.deeplearning4j.arbiter.optimize.generator.genetic.population.PopulationModel;
import org.deeplearning4j.arbiter.optimize.generator.genetic.selection.GeneticSelectionOperator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.rgflow.train.TrainingSeeds;

/**
 * Arbiter candidate generators with explicit seeds. Random search draws u &isin; [0,1)^d from a
 * {@code JDKRandomGenerator} seeded with {@code seed}; grid search is Arbiter's {@code Sequential} grid (no
 * randomness); the genetic search seeds each of its four generators (selection, crossover, parent selection,
 * mutation) with {@code TrainingSeeds.child(seed, 1..4)}. Every call returns a new generator over a new
 * parameter space, so regenerating from the same seed replays the same sequence (resume relies on this).
 */
public final class Generators {

    /** Generator kinds. */
    public enum Kind { RANDOM, GRID, GENETIC }

    private Generators() {
    }

    /**
     * @param gridPoints     values per continuous (and large integer) dimension in a grid
     * @param populationSize genetic population size
     * @param minimize       whether lower scores are better (genetic selection)
     */
    public static CandidateGenerator create(Kind kind, ParameterSpace<?> space, long seed, int gridPoints,
            int populationSize, boolean minimize) {
        switch (kind) {
            case RANDOM -> {
                RandomSearchGenerator g = new RandomSearchGenerator(space, null);
                g.setRngSeed(seed);
                return g;
            }
            case GRID -> {
                if (gridPoints < 1) {
                    throw new IllegalArgumentException("gridPoints must be >= 1, got " + gridPoints);
                }
                return new GridSearchCandidateGenerator(space, gridPoints, GridSearchCandidateGenerator.Mode.Sequential,
                        null);
            }
            case GENETIC -> {
                PopulationModel population = new PopulationModel.Builder().populationSize(populationSize)
                        .populationInitializer(new EmptyPopulationInitializer()).build();
                GeneticSelectionOperator selection = new GeneticSelectionOperator.Builder()
                        .randomGenerator(rng(seed, 1))
                        .crossoverOperator(new SinglePointCrossover.Builder().randomGenerator(rng(seed, 2))
                                .parentSelection(new RandomTwoParentSelection(rng(seed, 3))).build())
                        .mutationOperator(new RandomMutationOperator.Builder().randomGenerator(rng(seed, 4)).build())
                        .build();
                return new GeneticSearchCandidateGenerator.Builder(space, new Direction(minimize))
                        .populationModel(population).selectionOperator(selection).build();
            }
            default -> throw new IllegalArgumentException("unknown generator " + kind);
        }
    }

    /** Number of candidates of a grid over {@code space}, or -1 for the other kinds. */
    public static int gridSize(CandidateGenerator g) {
        return g instanceof GridSearchCandidateGenerator grid ? grid.getTotalNumCandidates() : -1;
    }

    private static RandomGenerator rng(long seed, long child) {
        JDKRandomGenerator r = new JDKRandomGenerator();
        r.setSeed(TrainingSeeds.child(seed, child));
        return r;
    }

    /** Only carries the score direction for the genetic builder; scoring is done by the evaluators. */
    private record Direction(boolean minimize) implements ScoreFunction {
        @Override
        public double score(Object model, DataProvider dataProvider, Map<String, Object> dataParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double score(Object model, Class<? extends DataSource> dataSource, Properties dataSourceProperties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Class<?>> getSupportedModelTypes() {
            return List.of(Object.class);
        }

        @Override
        public List<Class<?>> getSupportedDataTypes() {
            return List.of(Object.class);
        }
    }
}
