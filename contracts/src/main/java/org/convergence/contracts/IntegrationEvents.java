package org.convergence.contracts;

import org.convergence.contracts.catalog.ContractCatalog;

import java.util.List;

/** Every integration event type of every context: what a codec can read. Derived, never listed by hand. */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** The types of every {@link EventCatalog} class of this module, each checked to have its schema. */
    public static List<IntegrationEventType<?>> all() {
        return ContractCatalog.discovered().types();
    }
}
