package org.convergence.transitions.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.convergence.platform.axon.CreateIfMissingRepository;
import org.convergence.platform.axon.AxonModule;
import org.convergence.transitions.domain.Employer;
import org.convergence.transitions.domain.PathwayTransitions;

/** The aggregates of the transitions context: employers with their stores, and each pathway's transitions. */
@ApplicationScoped
public class TransitionsAxonModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(CreateIfMissingRepository.configuration(Employer.class))
                .configureAggregate(CreateIfMissingRepository.configuration(PathwayTransitions.class));
    }
}
