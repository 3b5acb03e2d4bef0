package org.convergence.contracts;

import org.convergence.contracts.enrolment.EnrolmentEvents;

import java.util.ArrayList;
import java.util.List;

/** Every integration event type of every context: what a codec can read. */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    public static List<IntegrationEventType<?>> all() {
        List<IntegrationEventType<?>> all = new ArrayList<>(EnrolmentEvents.ALL);
        return List.copyOf(all);
    }
}
