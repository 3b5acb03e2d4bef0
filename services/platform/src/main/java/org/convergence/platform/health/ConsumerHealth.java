package org.convergence.platform.health;

import org.convergence.platform.messaging.EventConsumerLoop;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A consumer's health, one check per consumer. Readiness is DOWN while the loop has not polled yet or restarts
 * after a failure (its data say why); a transient retry (database away) stays UP with {@code state: RETRYING},
 * the database's own check tells the rest. Liveness is DOWN only if the loop's supervisor is gone: then nothing in
 * the process would ever apply another fact, and only a restart of the process helps.
 */
public final class ConsumerHealth {

    private ConsumerHealth() {
    }

    public static HealthCheck readiness(String name, EventConsumerLoop loop) {
        return () -> {
            EventConsumerLoop.State state = loop.state();
            boolean up = state == EventConsumerLoop.State.RUNNING || state == EventConsumerLoop.State.RETRYING;
            return described(HealthCheckResponse.named("consumer " + name).status(up), loop).build();
        };
    }

    public static HealthCheck liveness(String name, EventConsumerLoop loop) {
        return () -> described(HealthCheckResponse.named("consumer " + name).status(loop.isAlive()), loop).build();
    }

    private static HealthCheckResponseBuilder described(HealthCheckResponseBuilder builder, EventConsumerLoop loop) {
        builder.withData("group", loop.groupId())
                .withData("state", loop.state().name())
                .withData("applied", loop.appliedCount())
                .withData("deadLettered", loop.deadLetteredCount())
                .withData("restarts", loop.restartCount())
                .withData("lag", loop.lag().values().stream().mapToLong(Long::longValue).sum());
        String failure = loop.lastFailure();
        if (failure != null && loop.state() != EventConsumerLoop.State.RUNNING) {
            builder.withData("lastFailure", failure);
        }
        return builder;
    }
}
