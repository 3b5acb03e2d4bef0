package org.convergence.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the catalogue of one context's integration events: a class of {@code public static final}
 * {@link IntegrationEventType} constants, all published on {@link #topic()}. The registry
 * ({@link IntegrationEvents#all()}) discovers every catalogue of this module and checks that each declared type has
 * its schema file and each schema file its type: a new contract is one constant, one record and one schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventCatalog {

    /** The topic every event of this catalogue is published on. */
    String topic();
}
