package io.langnghe.routing.cases;

import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;

/**
 * What crosses to a ward's task, one of: a case just opened, a command on a case, an alert acknowledged, or a case
 * the previous version kept in the task of its case id ({@link MoveToWard}).
 */
public record WardInput(CaseState opened, CaseCommand command, AlertAck ack, CaseState moved) {

    public static WardInput opened(CaseState opened) {
        return new WardInput(opened, null, null, null);
    }

    public static WardInput command(CaseCommand command) {
        return new WardInput(null, command, null, null);
    }

    public static WardInput ack(AlertAck ack) {
        return new WardInput(null, null, ack, null);
    }

    static WardInput moved(CaseState kept) {
        return new WardInput(null, null, null, kept);
    }

    /** The area that decides the ward: a command and an acknowledgement name none (a taxonomy is one ward's). */
    public String area() {
        CaseState state = opened != null ? opened : moved;
        return state == null ? null : state.area();
    }
}
