package org.convergence.platform.views;

import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.projection.ReadModel;

/** The enrolment view of the service, and its consumer when the service turns the view on. */
@Singleton
public class EnrolmentViewProducer {

    @Produces
    @Singleton
    EnrolmentView enrolmentView(ReadModel model, IntegrationEventCodec codec) {
        return new EnrolmentView(model, codec);
    }

    @Produces
    @Singleton
    @LookupIfProperty(name = "convergence.views.enrolment.enabled", stringValue = "true")
    ConsumerDeclaration enrolmentViewConsumer(EnrolmentView view) {
        return view.consumer();
    }
}
