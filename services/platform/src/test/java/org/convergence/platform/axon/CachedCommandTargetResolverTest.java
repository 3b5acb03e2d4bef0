package org.convergence.platform.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.convergence.platform.support.Tally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CachedCommandTargetResolverTest {

    private static final CommandTargetResolver AXON = AnnotationCommandTargetResolver.builder().build();

    record ByField(@TargetAggregateIdentifier String id, @TargetAggregateVersion long version) {
    }

    record ByMethod(String pathway, String week, String version) {
        @TargetAggregateIdentifier
        public String stream() {
            return "week:" + pathway + ":" + week;
        }

        @TargetAggregateVersion
        public String expected() {
            return version;
        }
    }

    record NoTarget(String text) {
    }

    @Test
    void everyCommandResolvesToTheTargetAndVersionAxonsOwnResolverGives() {
        for (Object command : List.of(new Tally.Open("a", 1), new Tally.Add("b", 2), new ByField("c", 7),
                new ByMethod("p", "2020-W02", "3"), new ByMethod("p", "2020-W03", null), new ByField("c", 8))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertEquals(AXON.resolveTarget(message), CachedCommandTargetResolver.INSTANCE.resolveTarget(message),
                    command.toString());
        }
    }

    @Test
    void aCommandNamingNoTargetOrANullOneIsRefusedAsAxonRefusesIt() {
        for (Object command : List.of(new NoTarget("x"), new ByField(null, 1), new ByMethod("p", "w", "three"))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            IllegalArgumentException axon = assertThrows(IllegalArgumentException.class,
                    () -> AXON.resolveTarget(message));
            IllegalArgumentException cached = assertThrows(IllegalArgumentException.class,
                    () -> CachedCommandTargetResolver.INSTANCE.resolveTarget(message));
            assertEquals(axon.getMessage(), cached.getMessage(), command.toString());
        }
    }
}
