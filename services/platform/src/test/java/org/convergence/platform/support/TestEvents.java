package org.convergence.platform.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.OutgoingEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A tiny domain for store and relay tests: counters that count. */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    public record Counted(String counterId, long value) {
    }

    public static DomainEventMessage<Counted> counted(String counterId, long sequence) {
        return new GenericDomainEventMessage<>("Counter", counterId, sequence, new Counted(counterId, sequence));
    }

    /** Publishes every counted event on {@code topic}, keyed by counter. */
    public static IntegrationEventTranslator translatorTo(String topic) {
        return new IntegrationEventTranslator() {
            @Override
            public List<OutgoingEvent> translate(DomainEventMessage<?> event) {
                Counted counted = (Counted) event.getPayload();
                ObjectNode payload = JSON.createObjectNode()
                        .put("counterId", counted.counterId()).put("value", counted.value());
                return List.of(new OutgoingEvent(topic, new EventEnvelope(event.getIdentifier(), "test.counted", 1,
                        LocalDate.now(), event.getTimestamp(), counted.counterId(), null, null, payload)));
            }

            @Override
            public Set<String> topics() {
                return Set.of(topic);
            }
        };
    }
}
