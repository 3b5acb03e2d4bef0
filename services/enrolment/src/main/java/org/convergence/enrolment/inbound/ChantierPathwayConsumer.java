package org.convergence.enrolment.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.messaging.ConsumerDeclaration;

/** Declares the door's consumer; the platform runs it (group {@code enrolment-chantier-pathways}). */
@Singleton
public class ChantierPathwayConsumer {

    @Produces
    @Singleton
    ConsumerDeclaration chantierPathways(ChantierPathwayDoor door) {
        return door.declaration();
    }
}
