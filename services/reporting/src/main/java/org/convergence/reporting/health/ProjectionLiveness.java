package org.convergence.reporting.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.reporting.projection.ProjectionRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reporting is alive only while its consumer loop runs: a stopped loop would serve figures that never move. */
@Liveness
@ApplicationScoped
public class ProjectionLiveness implements HealthCheck {

    private final ProjectionRuntime runtime;

    public ProjectionLiveness(ProjectionRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        EventConsumerLoop loop = runtime.loop();
        boolean alive = loop != null && loop.isAlive();
        return HealthCheckResponse.named("projection-consumer").status(alive)
                .withData("applied", loop == null ? 0 : loop.appliedCount())
                .withData("deadLettered", loop == null ? 0 : loop.deadLetteredCount())
                .withData("retrying", loop != null && !loop.isHealthy())
                .build();
    }
}
