package org.rgflow.train;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** DL4J updaters by name, for configs: {@code sgd}, {@code nesterovs}, {@code adam}. */
public final class Updaters {

    private Updaters() {
    }

    /**
     * @param name          sgd, nesterovs or adam
     * @param learningRate  initial learning rate
     * @param momentum      Nesterov momentum (ignored otherwise)
     * @param decayPerEpoch learning rate &times;= this each epoch; 1 = constant
     */
    public static IUpdater create(String name, double learningRate, double momentum, double decayPerEpoch) {
        ISchedule schedule = decayPerEpoch == 1.0 ? null
                : new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decayPerEpoch);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> schedule == null ? new Sgd(learningRate) : new Sgd(schedule);
            case "nesterovs" -> schedule == null ? new Nesterovs(learningRate, momentum)
                    : new Nesterovs(schedule, momentum);
            case "adam" -> schedule == null ? new Adam(learningRate) : new Adam(schedule);
            default -> throw new IllegalArgumentException("unknown updater '" + name + "': use sgd, nesterovs or adam");
        };
    }
}
