package org.convergence.platform.axon;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.convergence.platform.security.CallerScope;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who records a command, added to every stored event as {@code recordedBy} metadata in one place: the token
 * subject during a REST call, or the actor a background process declares ({@link #as}) such as a Kafka consumer
 * applying records of outside software. Never a name or a body: a pseudonymous subject only.
 */
@ApplicationScoped
public class RecordedBy {

    public static final String KEY = "recordedBy";

    private static final ThreadLocal<String> BACKGROUND_ACTOR = new ThreadLocal<>();

    /** Runs {@code work} with {@code actor} as the recorder of the commands it sends (outside a REST call). */
    public static <T> T as(String actor, Supplier<T> work) {
        String previous = BACKGROUND_ACTOR.get();
        BACKGROUND_ACTOR.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BACKGROUND_ACTOR.remove();
            } else {
                BACKGROUND_ACTOR.set(previous);
            }
        }
    }

    public MetaData current() {
        String actor = Optional.ofNullable(BACKGROUND_ACTOR.get()).orElseGet(RecordedBy::requestSubject);
        if (actor == null) {
            throw new IllegalStateException("A command was sent outside a request without RecordedBy.as(actor, …)");
        }
        return MetaData.with(KEY, actor);
    }

    private static String requestSubject() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(CallerScope.class).get().subject();
    }
}
