package org.rgflow.rbm;

/**
 * How many cores the float32 CD kernel's GEMMs may use (OpenBLAS threads of the kernel's own BLAS calls). A
 * process-wide execution setting, not a hyperparameter: the thread count does not change which random numbers are
 * drawn. Default: the environment variable {@code RGFLOW_TRAIN_THREADS} if set, else {@link #AUTO}, under which
 * the cores are shared among the trainings running at once ({@link #enter()}): a search training two candidates
 * in parallel on two cores gives each one thread, so BLAS threads never outnumber the cores (spinning BLAS
 * threads on an oversubscribed machine cost far more than they gain).
 */
public final class TrainingThreads {

    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();

    /** Marks one training as running until closed (see {@link #share()}). */
    public static AutoCloseable enter() {
        ACTIVE.incrementAndGet();
        return ACTIVE::decrementAndGet;
    }

    /** Cores per running training: available processors / trainings running now (at least 1). */
    public static int share() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, ACTIVE.get()));
    }

    /** Let the kernel decide per shape (two threads only where that was measured to be faster). */
    public static final int AUTO = 0;

    private static volatile int threads = fromEnvironment();

    private TrainingThreads() {
    }

    /** @param n threads for training GEMMs, &ge; 1, or {@link #AUTO} */
    public static void set(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("training threads must be >= 1, or 0 for auto, got " + n);
        }
        threads = n;
    }

    /** The configured count, or {@link #AUTO}. */
    public static int get() {
        return threads;
    }

    private static int fromEnvironment() {
        String v = System.getenv("RGFLOW_TRAIN_THREADS");
        if (v == null || v.isBlank()) {
            return AUTO;
        }
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return AUTO;
        }
    }
}
