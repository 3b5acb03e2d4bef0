package org.convergence.contracts.outside;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;

/**
 * A contract of a fact with no territory and no chantier, as the employer-transition context will publish: only in
 * the tests, to show what the envelope allows such facts (its schema lives in the test resources).
 */
@EventCatalog(topic = "convergence.test-employers.v1")
public final class EmployerEvents {

    public static final IntegrationEventType<EmployerRegisteredV1> EMPLOYER_REGISTERED =
            new IntegrationEventType<>("employer.registered", 1, EmployerRegisteredV1.class, "employerId",
                    IntegrationEventType.Scope.NONE);

    /** An employer partner of the program: a company, not a person, and found in no territory of ours. */
    public record EmployerRegisteredV1(String employerId, String name) implements IntegrationPayload {
    }

    private EmployerEvents() {
    }
}
