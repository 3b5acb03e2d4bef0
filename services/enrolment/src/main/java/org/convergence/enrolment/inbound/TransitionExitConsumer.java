package org.convergence.enrolment.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.messaging.ConsumerDeclaration;

/** Declares the transition exits' consumer; the platform runs it (group {@code enrolment-transition-exits}). */
@Singleton
public class TransitionExitConsumer {

    @Produces
    @Singleton
    ConsumerDeclaration transitionExits(TransitionExits exits) {
        return exits.declaration();
    }
}
