package org.convergence.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the JVM-wide {@link ConvergenceStack} and makes it trust the test
 * token issuer: {@code @WithTestResource(ConvergenceStackResource.class)}. Tests issue tokens with
 * {@code ConvergenceStack.jwt().issue(...)}.
 */
public class ConvergenceStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mongodb.connection-string", ConvergenceStack.mongoConnectionString(),
                "kafka.bootstrap.servers", ConvergenceStack.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey", ConvergenceStack.jwt().publicKeyPem(),
                "mp.jwt.verify.issuer", ConvergenceStack.jwt().issuer());
    }

    @Override
    public void stop() {
        // The stack lives as long as the JVM: every test class shares it.
    }
}
