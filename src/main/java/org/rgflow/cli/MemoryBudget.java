package org.rgflow.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The memory a run is about to need, checked before work starts: its big allocations on the Java heap against
 * {@code Runtime.maxMemory()} (-Xmx) and off the heap (ND4J and JavaCPP arrays) against JavaCPP's
 * {@code Pointer.maxBytes()} (-Dorg.bytedeco.javacpp.maxbytes), their sum against {@code Pointer.maxPhysicalBytes()}.
 * A run that cannot fit is refused (exit 2) with the estimate, its largest parts, the limit and how to raise it
 * (RGFLOW_JAVA_OPTS), instead of running out of memory or crashing the JVM part-way. Sizes are products computed
 * without overflow ({@link #times}: saturating at {@code Long.MAX_VALUE}).
 */
final class MemoryBudget {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final String what;
    private final Map<String, Long> heap = new LinkedHashMap<>();
    private final Map<String, Long> offHeap = new LinkedHashMap<>();

    private MemoryBudget(String what) {
        this.what = what;
    }

    /** @param what the run and the sizes that drive it, e.g. {@code "configs/x.yaml (lattice.length = 16384)"} */
    static MemoryBudget of(String what) {
        return new MemoryBudget(what);
    }

    /** Adds a Java-heap allocation (parts of the same name add up). */
    MemoryBudget heap(String part, long bytes) {
        heap.merge(part, bytes, MemoryBudget::plus);
        return this;
    }

    /** Adds an off-heap allocation (ND4J arrays, JavaCPP pointers). */
    MemoryBudget offHeap(String part, long bytes) {
        offHeap.merge(part, bytes, MemoryBudget::plus);
        return this;
    }

    long heapBytes() {
        return heap.values().stream().reduce(0L, MemoryBudget::plus);
    }

    long offHeapBytes() {
        return offHeap.values().stream().reduce(0L, MemoryBudget::plus);
    }

    /** Checks against this JVM's limits. */
    void check() {
        check(Runtime.getRuntime().maxMemory(), org.bytedeco.javacpp.Pointer.maxBytes(),
                org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
    }

    /**
     * @param maxPhysical 0 for no limit
     * @throws UserException if an estimate exceeds its limit
     */
    void check(long maxHeap, long maxOffHeap, long maxPhysical) {
        long h = heapBytes();
        long o = offHeapBytes();
        if (h > maxHeap) {
            throw refuse("Java heap", h, heap, maxHeap, "-Xmx", "-Xmx" + suggest(h));
        }
        if (o > maxOffHeap) {
            throw refuse("off-heap memory for ND4J arrays", o, offHeap, maxOffHeap,
                    "-Dorg.bytedeco.javacpp.maxbytes", "-Dorg.bytedeco.javacpp.maxbytes=" + suggest(o));
        }
        if (maxPhysical > 0 && plus(h, o) > maxPhysical) {
            Map<String, Long> all = new LinkedHashMap<>(heap);
            offHeap.forEach((k, v) -> all.merge(k, v, MemoryBudget::plus));
            throw refuse("memory (heap and off-heap)", plus(h, o), all, maxPhysical,
                    "-Dorg.bytedeco.javacpp.maxphysicalbytes",
                    "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + suggest(plus(h, o)));
        }
    }

    private UserException refuse(String kind, long bytes, Map<String, Long> parts, long limit, String flag,
            String raised) {
        String largest = parts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(e -> e.getKey() + " " + gib(e.getValue())).collect(Collectors.joining(", "));
        return new UserException(what + " needs about " + gib(bytes) + " of " + kind + " (" + largest
                + ") but the limit is " + gib(limit) + " (" + flag + "); use smaller sizes, or raise the limit if the "
                + "machine has the memory: RGFLOW_JAVA_OPTS=\"... " + raised + "\" (README, \"Memory\")");
    }

    /** The product of sizes in bytes, {@code Long.MAX_VALUE} if it overflows (a size no machine has). */
    static long times(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return Long.MAX_VALUE;
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    static long plus(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    static String gib(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        return bytes >= 1024 * GIB ? String.format(Locale.ROOT, "%.1f TiB", bytes / GIB / 1024)
                : bytes >= GIB / 10 ? String.format(Locale.ROOT, "%.1f GiB", bytes / GIB)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** A limit with some room above {@code bytes}, in whole GiB, e.g. {@code 9g}. */
    private static String suggest(long bytes) {
        return bytes == Long.MAX_VALUE ? "<more than any machine has>"
                : (long) Math.ceil(bytes * 1.25 / GIB) + "g";
    }
}
