package org.convergence.platform.inbound;

import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.DeadLetterCodes;
import org.convergence.platform.messaging.RejectedEventException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An inbound door of chantiers' software (ADR 0021, 0026): a consumer of every chantier's own topic of one kind
 * ({@code convergence.chantier.<id>.<kind>.v1}, topics created later included) that trusts no sender fact but the
 * topic. Before the door's handler sees a record, a record whose envelope names another chantier than its topic's
 * is refused with {@link DeadLetterCodes#CHANTIER_NOT_TOPIC_OWNER}: nothing of it is applied, it goes to the topic's
 * own dead-letter topic, and it is listed under the topic's chantier ({@link InboundRejections}), never under the
 * chantier it claims. The handler therefore only ever sees records whose {@code chantierId} is the sender's.
 */
public final class ChantierDoor {

    private ChantierDoor() {
    }

    /** Not rebuildable: a door's effects are commands, which a new read-model generation must not send again. */
    public static ConsumerDeclaration declaration(String name, Pattern chantierTopics, BatchEventHandler handler,
                                                 InboundRejections rejections) {
        return ConsumerDeclaration.ofPattern(name, chantierTopics, ownTopicOnly(handler), false,
                rejections.listener());
    }

    /** {@code handler} given only the records whose envelope names their topic's chantier; the others refused. */
    public static BatchEventHandler ownTopicOnly(BatchEventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return events -> {
            Map<Integer, RuntimeException> refused = new HashMap<>();
            List<ConsumedEvent> owned = new ArrayList<>(events.size());
            List<Integer> ownedIndexes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                ConsumedEvent event = events.get(i);
                RejectedEventException refusal = refusalOf(event);
                if (refusal == null) {
                    owned.add(event);
                    ownedIndexes.add(i);
                } else {
                    refused.put(i, refusal);
                }
            }
            if (!owned.isEmpty()) {
                Map<Integer, RuntimeException> theirs = handler.handleAll(owned);
                if (theirs != null) {
                    theirs.forEach((index, reason) -> refused.put(ownedIndexes.get(index), reason));
                }
            }
            return refused;
        };
    }

    /** Why this record is not its topic's chantier's to send, or null if it is. */
    static RejectedEventException refusalOf(ConsumedEvent event) {
        String owner = event.topicChantier().orElse(null);
        if (owner == null) {
            return new RejectedEventException(DeadLetterCodes.CHANTIER_NOT_TOPIC_OWNER, "record on "
                    + event.topic() + ", which is no chantier's own topic: a door reads only "
                    + "convergence.chantier.<chantierId>.… topics (ADR 0021)");
        }
        String named = event.envelope().chantierId();
        if (!owner.equals(named)) {
            return new RejectedEventException(DeadLetterCodes.CHANTIER_NOT_TOPIC_OWNER, "record on chantier "
                    + owner + "'s topic " + event.topic() + " names chantier " + named + ": a chantier's topic "
                    + "carries only that chantier's records (ADR 0021); nothing was applied");
        }
        return null;
    }
}
