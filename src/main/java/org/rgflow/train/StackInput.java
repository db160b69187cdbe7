package org.rgflow.train;

/** What layer i of a stack is trained on: the output of layers 0 &hellip; i&minus;1 as probabilities or as samples. */
public enum StackInput {
    /** p(h|v) of the layer below, propagated mean-field up the stack (deterministic). */
    PROBABILITIES,
    /** A Bernoulli sample of each layer below, drawn with the epoch's generator. */
    SAMPLES
}
