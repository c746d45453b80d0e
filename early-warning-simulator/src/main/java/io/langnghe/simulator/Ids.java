package io.langnghe.simulator;

/** Feedback ids of one simulation, in order: "sim-000001", … */
final class Ids {

    private int next;

    String next() {
        return String.format("sim-%06d", ++next);
    }
}
