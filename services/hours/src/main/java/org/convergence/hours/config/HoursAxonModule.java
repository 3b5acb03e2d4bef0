package org.convergence.hours.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.convergence.hours.domain.WeekTimesheet;
import org.convergence.hours.domain.WeeklyContract;
import org.convergence.platform.axon.CreateIfMissingRepository;
import org.convergence.platform.axon.AxonModule;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;

import java.time.Clock;

/** The aggregates of the hours context, with the program catalogue and the business clock as handler parameters. */
@ApplicationScoped
public class HoursAxonModule implements AxonModule {

    private final ProgramCatalog programs;

    public HoursAxonModule(ProgramCatalog programs) {
        this.programs = programs;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(ProgramCatalog.class, c -> programs)
                .registerComponent(Clock.class, c -> Clock.system(BusinessDates.ZONE))
                .configureAggregate(CreateIfMissingRepository.configuration(WeeklyContract.class))
                .configureAggregate(CreateIfMissingRepository.configuration(WeekTimesheet.class));
    }
}
