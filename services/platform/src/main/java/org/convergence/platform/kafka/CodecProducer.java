package org.convergence.platform.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;

/** One codec per service, knowing every contract type. */
@Singleton
public class CodecProducer {

    @Produces
    @Singleton
    IntegrationEventCodec codec() {
        return new IntegrationEventCodec(IntegrationEvents.all());
    }
}
