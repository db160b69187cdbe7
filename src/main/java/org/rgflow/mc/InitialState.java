package org.rgflow.mc;

/** How chains start: independent random spins (T = &infin;) or all spins up (T = 0). */
public enum InitialState {
    RANDOM,
    ORDERED
}
