package org.convergence.enrolment.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.convergence.enrolment.domain.Chantier;
import org.convergence.enrolment.domain.Participant;
import org.convergence.enrolment.domain.Pathway;
import org.convergence.enrolment.domain.Territory;
import org.convergence.platform.axon.AxonModule;

/** The aggregates of the enrolment context. */
@ApplicationScoped
public class EnrolmentAxonModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Territory.class)
                .configureAggregate(Chantier.class)
                .configureAggregate(Pathway.class)
                .configureAggregate(Participant.class);
    }
}
