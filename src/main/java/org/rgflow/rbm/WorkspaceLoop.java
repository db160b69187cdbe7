package org.rgflow.rbm;

import java.util.function.IntConsumer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loop whose iterations allocate ND4J temporaries in one workspace, reused from iteration to iteration and
 * released at the end. ND4J arrays live off-heap and are freed only when the garbage collector finds their small
 * on-heap handles, so a loop that allocates fresh [batch, n] temporaries each iteration grows the process by
 * gigabytes before anything is freed (measured: 8 GB for the exact pseudo-likelihood of 2000 rows of a 1600
 * &rarr; 800 RBM, for 2000 AIS steps of 100 chains, and for 500 Gibbs steps of 2000 chains of a 1600 &rarr; 400
 * RBM; 0.2&ndash;0.4 GB with this loop, same results bit for bit, 10&ndash;60 % faster).
 *
 * <p>Arrays created inside an iteration are valid only within it: state carried across iterations must live
 * outside (allocated before the loop) and be updated in place, e.g. {@code v.assign(next)}, and results must leave
 * as Java values or by such an assignment.
 */
public final class WorkspaceLoop {

    private WorkspaceLoop() {
    }

    /** Runs {@code body} for i = 0 &hellip; iterations &minus; 1, each inside the loop's workspace. */
    public static void run(String name, int iterations, IntConsumer body) {
        run(name, iterations, body, i -> { });
    }

    /**
     * Runs {@code body}(i) inside the loop's workspace, then {@code after}(i) outside any workspace (for code, such as
     * a DL4J network, that manages its own memory), for i = 0 &hellip; iterations &minus; 1.
     */
    public static void run(String name, int iterations, IntConsumer body, IntConsumer after) {
        WorkspaceConfiguration cfg = WorkspaceConfiguration.builder().policyAllocation(AllocationPolicy.STRICT)
                .policyLearning(LearningPolicy.FIRST_LOOP).build();
        String id = "rgflow-" + name + "-" + Thread.currentThread().getId();
        try {
            for (int i = 0; i < iterations; i++) {
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(cfg, id)) {
                    body.accept(i);
                }
                after.accept(i);
            }
        } finally {
            MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id);
            Nd4j.getWorkspaceManager().destroyWorkspace(ws);
        }
    }
}
