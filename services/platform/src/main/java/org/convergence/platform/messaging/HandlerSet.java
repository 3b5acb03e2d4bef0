package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The handlers a consumer has for the facts of one topic: a table keyed by the contracts' type constants, so a
 * renamed or removed type breaks the build instead of silently matching nothing. A type of the topic that has no
 * handler here is not this consumer's concern and is passed over.
 *
 * <p>Each type may have a {@code prefetch} step, run over the whole batch before any handler, so that a
 * projection can read every document the batch touches with one query per collection.
 *
 * @param <C> what handlers receive besides the fact (a projection's {@code ProjectionBatch})
 */
public final class HandlerSet<C> {

    private final String topic;
    private final Map<String, Entry<?, C>> byType;

    private HandlerSet(String topic, Map<String, Entry<?, C>> byType) {
        this.topic = topic;
        this.byType = Map.copyOf(byType);
    }

    public static <C> Builder<C> forTopic(String topic) {
        return new Builder<>(topic);
    }

    public String topic() {
        return topic;
    }

    /**
     * The handling of this envelope, if this set has a handler for its type. The payload is read as the
     * contract's record here: a payload that does not fit throws {@code InvalidIntegrationEventException}.
     */
    public Optional<BoundFact<C>> bind(EventEnvelope envelope, IntegrationEventCodec codec) {
        return bind(envelope, null, codec);
    }

    /**
     * As {@link #bind(EventEnvelope, IntegrationEventCodec)}, taking the payload's record the consumer's decoder
     * thread already read ({@link ConsumedEvent#payload()}, ADR 0044) instead of reading it again here, on the
     * thread that applies the batch; an event without it, or with another type's, is read as before.
     */
    public Optional<BoundFact<C>> bind(ConsumedEvent event, IntegrationEventCodec codec) {
        return bind(event.envelope(), event.payload(), codec);
    }

    private Optional<BoundFact<C>> bind(EventEnvelope envelope, IntegrationPayload decoded,
                                        IntegrationEventCodec codec) {
        IntegrationEventType<?> type = codec.typeOf(envelope);
        Entry<?, C> entry = byType.get(key(type));
        return Optional.ofNullable(entry).map(e -> e.bind(envelope, decoded, codec));
    }

    private static String key(IntegrationEventType<?> type) {
        return type.name() + "#" + type.version();
    }

    /** A fact ready to be prefetched for and applied. */
    public interface BoundFact<C> {
        void prefetch(C context);

        void apply(C context);
    }

    private record Entry<P extends IntegrationPayload, C>(IntegrationEventType<P> type, FactHandler<P, C> prefetch,
                                                           FactHandler<P, C> handler) {

        BoundFact<C> bind(EventEnvelope envelope, IntegrationPayload decoded, IntegrationEventCodec codec) {
            P payload = ConsumedEvent.payloadOf(envelope, decoded, type, codec);
            Fact<P> fact = new Fact<>(envelope, payload);
            return new BoundFact<>() {
                @Override
                public void prefetch(C context) {
                    if (prefetch != null) {
                        prefetch.handle(fact, context);
                    }
                }

                @Override
                public void apply(C context) {
                    handler.handle(fact, context);
                }
            };
        }
    }

    public static final class Builder<C> {

        private final String topic;
        private final Map<String, Entry<?, C>> byType = new LinkedHashMap<>();

        private Builder(String topic) {
            this.topic = topic;
        }

        public <P extends IntegrationPayload> Builder<C> on(IntegrationEventType<P> type, FactHandler<P, C> handler) {
            return on(type, null, handler);
        }

        /** A handler whose documents are read for the whole batch first ({@code prefetch}). */
        public <P extends IntegrationPayload> Builder<C> on(IntegrationEventType<P> type, FactHandler<P, C> prefetch,
                                                            FactHandler<P, C> handler) {
            if (byType.putIfAbsent(key(type), new Entry<>(type, prefetch, handler)) != null) {
                throw new IllegalArgumentException(type.name() + " v" + type.version() + " has two handlers on "
                        + topic);
            }
            return this;
        }

        public HandlerSet<C> build() {
            return new HandlerSet<>(topic, byType);
        }
    }
}
