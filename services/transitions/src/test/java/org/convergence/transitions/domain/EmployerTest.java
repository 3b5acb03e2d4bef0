package org.convergence.transitions.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.transitions.domain.EmployerMessages.EmployerRegisteredEvent;
import org.convergence.transitions.domain.EmployerMessages.RegisterEmployerCommand;
import org.convergence.transitions.domain.EmployerMessages.RegisterStoreCommand;
import org.convergence.transitions.domain.EmployerMessages.StoreRegisteredEvent;
import org.junit.jupiter.api.Test;

import static org.convergence.transitions.domain.PathwayTransitionsTest.refusedBy;

class EmployerTest {

    private final AggregateTestFixture<Employer> fixture = new AggregateTestFixture<>(Employer.class);

    @Test
    void anEmployerIsRegisteredOnceEmployerAlreadyRegistered() {
        fixture.givenNoPriorActivity().when(new RegisterEmployerCommand("franprix", "Franprix"))
                .expectEvents(new EmployerRegisteredEvent("franprix", "Franprix"));
        fixture.given(new EmployerRegisteredEvent("franprix", "Franprix"))
                .when(new RegisterEmployerCommand("franprix", "Franprix"))
                .expectException(refusedBy("EMPLOYER_ALREADY_REGISTERED"));
    }

    @Test
    void aStoreBelongsToARegisteredEmployerUnknownEmployerAndIsRegisteredOnce() {
        fixture.givenNoPriorActivity().when(new RegisterStoreCommand("franprix", "paris-11", "Paris 11", "paris"))
                .expectException(refusedBy("UNKNOWN_EMPLOYER"));
        fixture.given(new EmployerRegisteredEvent("franprix", "Franprix"))
                .when(new RegisterStoreCommand("franprix", "paris-11", "Paris 11", "paris"))
                .expectEvents(new StoreRegisteredEvent("franprix", "paris-11", "Paris 11", "paris"));
        fixture.given(new EmployerRegisteredEvent("franprix", "Franprix"),
                        new StoreRegisteredEvent("franprix", "paris-11", "Paris 11", "paris"))
                .when(new RegisterStoreCommand("franprix", "paris-11", "Paris 11", "paris"))
                .expectException(refusedBy("STORE_ALREADY_REGISTERED"));
    }
}
