package org.convergence.enrolment.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.CheckedInByChantierV1;
import org.convergence.contracts.chantier.EntryCorrectedByChantierV1;
import org.convergence.contracts.chantier.ExitCorrectedByChantierV1;
import org.convergence.contracts.chantier.PathwayEnrolledByChantierV1;
import org.convergence.contracts.chantier.PathwayExitedAtChantierV1;
import org.convergence.contracts.chantier.PathwayPromotedByChantierV1;
import org.convergence.enrolment.application.Enrolments;
import org.convergence.enrolment.application.Exit;
import org.convergence.enrolment.application.NewPathway;
import org.convergence.enrolment.application.PathwayFacts;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.platform.inbound.ChantierDoor;
import org.convergence.platform.inbound.InboundRejections;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.DeadLetterCodes;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka door of chantiers' software (ADR 0018): each record of a chantier's own pathways topic
 * ({@link Topics#chantierPathwaysOf}, all of them read by {@link Topics#CHANTIER_PATHWAYS_PATTERN}, ADR 0021) becomes
 * the one call of {@link Enrolments} or {@link PathwayFacts} that the REST API makes for the same fact, so every
 * rule, refusal code and uniqueness guarantee is REST's. The sender's reach is its own chantier
 * ({@link SenderAccess}).
 *
 * <ul>
 *   <li><b>Sender</b>: the topic, never the envelope: a record whose envelope names another chantier than its
 *   topic's is refused ({@code CHANTIER_NOT_TOPIC_OWNER}) before this door sees it ({@link ChantierDoor}, ADR 0026);
 *   so the chantier a record names, which this door acts as, is the one the broker let write it.</li>
 *   <li><b>Refusals</b>: a rule's refusal, a scope violation, an id used by another pathway are returned to the
 *   consumer loop with their code; it dead-letters the record (code and reason in headers), lists it for the
 *   chantier ({@link InboundRejections}), and goes on with the next record.</li>
 *   <li><b>Idempotence</b>: every command a record sends is recorded by {@code chantier:<id>/record:<eventId>}; a
 *   record whose pathway already holds an event recorded so was applied before and changes nothing. The commands'
 *   own idempotence covers a redelivery that finds a promotion half done.</li>
 *   <li><b>Order</b>: records are keyed by pathway and applied one after the other; a record about a pathway or
 *   chantier not known yet throws {@code RetryLaterException}: its partition waits, for a bounded time.</li>
 * </ul>
 */
@ApplicationScoped
public class ChantierPathwayDoor implements BatchEventHandler {

    public static final String CONSUMER = "chantier-pathways";
    /** The REST API's 409: a pathway id already used by another pathway. */
    static final String CONFLICT = "CONFLICT";
    /** The REST API's 404 for a national caller: the pathway's enrolment was abandoned. */
    static final String NOT_FOUND = AppliedOnce.NOT_FOUND;

    private final Enrolments enrolments;
    private final PathwayFacts facts;
    private final AppliedOnce once;
    private final IntegrationEventCodec codec;
    private final InboundRejections rejections;
    private final HandlerSet<Void> handlers;

    public ChantierPathwayDoor(Enrolments enrolments, PathwayFacts facts, AppliedOnce once,
                               IntegrationEventCodec codec, InboundRejections rejections) {
        this.enrolments = enrolments;
        this.facts = facts;
        this.once = once;
        this.codec = codec;
        this.rejections = rejections;
        this.handlers = HandlerSet.<Void>forTopic(Topics.CHANTIER_PATHWAYS_ADDRESS)
                .on(ChantierPathwayFacts.ENROLLED, (fact, none) -> enrolled(fact))
                .on(ChantierPathwayFacts.EXITED, (fact, none) -> exited(fact))
                .on(ChantierPathwayFacts.ENTRY_CORRECTED, (fact, none) -> entryCorrected(fact))
                .on(ChantierPathwayFacts.EXIT_CORRECTED, (fact, none) -> exitCorrected(fact))
                .on(ChantierPathwayFacts.PROMOTED, (fact, none) -> promoted(fact))
                .on(ChantierPathwayFacts.CHECKED_IN, (fact, none) -> checkedIn(fact))
                .build();
    }

    /** Every chantier's own pathways topic, those created while running included; not rebuildable (commands). */
    public ConsumerDeclaration declaration() {
        return ChantierDoor.declaration(CONSUMER, Topics.CHANTIER_PATHWAYS_PATTERN, this, rejections);
    }

    @Override
    public Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events) {
        Map<Integer, RuntimeException> refused = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent event = events.get(i);
            try {
                handlers.bind(event, codec).orElseThrow(() -> notOfThisTopic(event)).apply(null);
            } catch (RejectedEventException refusal) {
                refused.put(i, refusal);
            }
        }
        return refused;
    }

    /** Another topic's fact (an enrolment-service event, say) sent here: the sender is told, nothing is applied. */
    private static RejectedEventException notOfThisTopic(ConsumedEvent event) {
        return new RejectedEventException(DeadLetterCodes.MALFORMED_RECORD, "type: " + event.envelope().type()
                + " v" + event.envelope().schemaVersion() + " is not a fact of " + event.topic());
    }

    private void enrolled(Fact<PathwayEnrolledByChantierV1> fact) {
        PathwayEnrolledByChantierV1 p = fact.payload();
        apply(fact, p.pathwayId(), access -> enrolments.enrol(NewPathway.open(p.pathwayId(), p.participantId(),
                p.program(), fact.chantierId(), p.entryDate()), access));
    }

    private void exited(Fact<PathwayExitedAtChantierV1> fact) {
        PathwayExitedAtChantierV1 p = fact.payload();
        apply(fact, p.pathwayId(), access -> facts.recordExit(p.pathwayId(),
                exit(p.exitDate(), p.exitCategory(), p.housingAtExit()), access));
    }

    private void entryCorrected(Fact<EntryCorrectedByChantierV1> fact) {
        EntryCorrectedByChantierV1 p = fact.payload();
        apply(fact, p.pathwayId(), access -> facts.correctEntryDate(p.pathwayId(), p.entryDate(), access));
    }

    private void exitCorrected(Fact<ExitCorrectedByChantierV1> fact) {
        ExitCorrectedByChantierV1 p = fact.payload();
        apply(fact, p.pathwayId(), access -> facts.correctExit(p.pathwayId(),
                exit(p.exitDate(), p.exitCategory(), p.housingAtExit()), access));
    }

    /** Two commands: done once the Convergence pathway, the second, holds this record's events. */
    private void promoted(Fact<PathwayPromotedByChantierV1> fact) {
        PathwayPromotedByChantierV1 p = fact.payload();
        apply(fact, p.convergencePathwayId(), access -> enrolments.promote(p.pathwayId(), p.convergencePathwayId(),
                null, p.promotionDate(), access));
    }

    private void checkedIn(Fact<CheckedInByChantierV1> fact) {
        CheckedInByChantierV1 p = fact.payload();
        apply(fact, p.pathwayId(), access -> {
            facts.recordCheckIn(p.pathwayId(), p.milestoneMonths(), p.checkInDate(),
                    ExitCategory.valueOf(p.employmentStatus()), HousingSituation.valueOf(p.housingSituation()),
                    access);
            return null;
        });
    }

    /**
     * Runs one record's use case as its sender, unless {@code doneOn}'s stream shows it was applied before; turns
     * the use case's refusals into the record's, with the code REST answers.
     */
    private void apply(Fact<?> fact, String doneOn, java.util.function.Function<SenderAccess, Object> useCase) {
        String actor = "chantier:" + fact.chantierId() + "/record:" + fact.eventId();
        SenderAccess access = new SenderAccess(fact.territoryId(), fact.chantierId());
        once.apply(doneOn, actor, () -> useCase.apply(access), conflict -> {
            if (fact.envelope().type().equals(ChantierPathwayFacts.ENROLLED.name())
                    || fact.envelope().type().equals(ChantierPathwayFacts.PROMOTED.name())) {
                return new RejectedEventException(CONFLICT, "Pathway " + doneOn + " already exists: a pathway id is "
                        + "used once", conflict);
            }
            return conflict; // a concurrent change of the pathway: the loop tries the record again
        });
    }

    private static Exit exit(java.time.LocalDate date, String category, String housing) {
        return new Exit(date, ExitCategory.valueOf(category), housing == null ? null
                : HousingSituation.valueOf(housing));
    }
}
