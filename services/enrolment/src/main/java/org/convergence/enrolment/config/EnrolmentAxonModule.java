package org.convergence.enrolment.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.convergence.enrolment.domain.Chantier;
import org.convergence.enrolment.domain.Participant;
import org.convergence.enrolment.domain.Pathway;
import org.convergence.enrolment.domain.Territory;
import org.convergence.platform.axon.CreateIfMissingRepository;
import org.convergence.platform.axon.AxonModule;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;

import java.time.Clock;

/**
 * The aggregates of the enrolment context, and what their handlers may take as parameters besides the command:
 * the program catalogue and the business clock (today in Paris).
 */
@ApplicationScoped
public class EnrolmentAxonModule implements AxonModule {

    private final ProgramCatalog programs;

    public EnrolmentAxonModule(ProgramCatalog programs) {
        this.programs = programs;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(ProgramCatalog.class, c -> programs)
                .registerComponent(Clock.class, c -> Clock.system(BusinessDates.ZONE))
                .configureAggregate(CreateIfMissingRepository.configuration(Territory.class))
                .configureAggregate(CreateIfMissingRepository.configuration(Chantier.class))
                .configureAggregate(CreateIfMissingRepository.configuration(Pathway.class))
                .configureAggregate(CreateIfMissingRepository.configuration(Participant.class));
    }
}
