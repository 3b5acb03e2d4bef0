package org.convergence.reporting.conventions;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.territories.Deployments;

/** Makes the conventions available to CDI. */
@Singleton
public class ConventionsRuntime {

    @Produces
    @Singleton
    Conventions conventions(ConventionsConfig config, FiguresService figures, Deployments deployments) {
        return new Conventions(config, figures, deployments);
    }
}
