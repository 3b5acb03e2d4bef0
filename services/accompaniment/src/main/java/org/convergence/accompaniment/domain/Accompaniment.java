package org.convergence.accompaniment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.accompaniment.domain.AccompanimentMessages.AssessmentRecordedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierResolvedByReferralEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierStatusChangedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.ChangeBarrierStatusCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.HealthRightsOpenedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordAssessmentCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordHealthRightsOpeningCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.ResolveBarrierAfterReferralCommand;
import org.convergence.platform.domain.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reinforced accompaniment of one pathway: its entry assessment, the dated status history of each barrier, and
 * the health-rights openings. Every date is a business date that may be recorded late, but never lies ahead of
 * today (the business {@link Clock}) nor before the pathway's entry. Each handler checks all its rules before it
 * applies anything.
 */
public class Accompaniment {

    @AggregateIdentifier
    private String streamId;
    private LocalDate assessedOn;
    private final Map<BarrierCategory, Barrier> barriers = new EnumMap<>(BarrierCategory.class);
    private final Set<String> openings = new HashSet<>();
    private final Set<String> referralsApplied = new HashSet<>();

    /**
     * The barriers a completed referral resolves (DOMAIN.md: a housing referral completed resolves housing; a
     * health referral completed, by a CPAM contact or a health centre, resolves the health barrier). A completed
     * referral to a psychologist or for mobility says nothing of whether the barrier is gone.
     */
    public static final Set<BarrierCategory> RESOLVED_BY_COMPLETED_REFERRAL =
            Set.of(BarrierCategory.HOUSING, BarrierCategory.HEALTH);

    /** A barrier's current status and the day it took it: the next change may not be dated before. */
    private record Barrier(BarrierStatus status, LocalDate since) {
    }

    protected Accompaniment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAssessmentCommand command, AccompaniedPrograms programs, Clock clock) {
        AccompaniedPathway pathway = command.pathway();
        if (!programs.includes(pathway.program())) {
            throw new RuleViolationException("PROGRAM_NOT_ACCOMPANIED", "Only pathways of " + programs.codes()
                    + " have an entry assessment; this one is " + pathway.program());
        }
        if (assessedOn != null) {
            throw new RuleViolationException("ASSESSMENT_ALREADY_RECORDED",
                    "This pathway's entry assessment was recorded on " + assessedOn);
        }
        requirePlausible(pathway, command.assessedOn(), "assessment", clock);
        apply(new AssessmentRecordedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), command.assessedOn(), command.housingAtEntry(),
                command.barriers().stream().sorted().toList()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeBarrierStatusCommand command, Clock clock) {
        AccompaniedPathway pathway = command.pathway();
        if (assessedOn == null) {
            throw new RuleViolationException("ASSESSMENT_REQUIRED",
                    "A barrier's status follows the pathway's entry assessment, which is not recorded yet");
        }
        requirePlausible(pathway, command.changedOn(), "status change", clock);
        Barrier barrier = barriers.get(command.category());
        if (barrier == null) {
            if (command.status() != BarrierStatus.IDENTIFIED) {
                throw new RuleViolationException("BARRIER_NOT_IDENTIFIED", "The " + command.category()
                        + " barrier was never identified: it becomes IDENTIFIED first");
            }
            if (command.changedOn().isBefore(assessedOn)) {
                throw new RuleViolationException("BEFORE_ASSESSMENT", "A barrier found after the assessment of "
                        + assessedOn + " cannot be dated " + command.changedOn());
            }
        } else {
            if (barrier.status() == command.status()) {
                throw new RuleViolationException("BARRIER_ALREADY_IN_STATUS", "The " + command.category()
                        + " barrier is " + barrier.status() + " since " + barrier.since());
            }
            if (!barrier.status().mayBecome(command.status())) {
                throw new RuleViolationException("BARRIER_STEP_NOT_ALLOWED", "A barrier goes IDENTIFIED → "
                        + "IN_PROGRESS → RESOLVED, or back to IDENTIFIED; " + barrier.status() + " → "
                        + command.status() + " is not a step");
            }
            if (command.changedOn().isBefore(barrier.since())) {
                throw new RuleViolationException("CHANGE_BEFORE_PREVIOUS", "The " + command.category()
                        + " barrier is " + barrier.status() + " since " + barrier.since()
                        + "; a later change cannot be dated " + command.changedOn());
            }
        }
        apply(new BarrierStatusChangedEvent(pathway.pathwayId(), pathway.participantId(), pathway.territoryId(),
                pathway.chantierId(), command.category(), command.status(), command.changedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordHealthRightsOpeningCommand command, Clock clock) {
        AccompaniedPathway pathway = command.pathway();
        requirePlausible(pathway, command.openedOn(), "opening", clock);
        if (openings.contains(opening(command.kind(), command.openedOn()))) {
            throw new RuleViolationException("HEALTH_RIGHTS_ALREADY_RECORDED", "An opening of " + command.kind()
                    + " rights on " + command.openedOn() + " is already recorded for this pathway");
        }
        apply(new HealthRightsOpenedEvent(pathway.pathwayId(), pathway.participantId(), pathway.territoryId(),
                pathway.chantierId(), command.kind(), command.openedOn()));
    }

    /**
     * A completed referral resolves its barrier, as a fact dated on the completion, skipping {@code IN_PROGRESS}
     * if need be (the completion is the evidence). Nothing happens when the category is not one a completion
     * resolves, when the barrier is already {@code RESOLVED}, or when the chantier recorded a change dated after
     * the completion (its later record stands). Each referral moves its barrier at most once.
     */
    @CommandHandler
    void handle(ResolveBarrierAfterReferralCommand command) {
        Barrier barrier = barriers.get(command.category());
        if (!RESOLVED_BY_COMPLETED_REFERRAL.contains(command.category())
                || referralsApplied.contains(command.referralId())
                || barrier == null
                || barrier.status() == BarrierStatus.RESOLVED
                || command.completedOn().isBefore(barrier.since())) {
            return;
        }
        AccompaniedPathway pathway = command.pathway();
        apply(new BarrierResolvedByReferralEvent(pathway.pathwayId(), pathway.participantId(), pathway.territoryId(),
                pathway.chantierId(), command.category(), command.referralId(), command.completedOn()));
    }

    /** Late recording is allowed; a date ahead of today or before the pathway began is not. */
    private static void requirePlausible(AccompaniedPathway pathway, LocalDate date, String what, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new RuleViolationException("DATE_IN_FUTURE", "The " + what + " date " + date
                    + " is after today, " + today);
        }
        if (date.isBefore(pathway.entryDate())) {
            throw new RuleViolationException("BEFORE_PATHWAY_ENTRY", "The " + what + " date " + date
                    + " is before the pathway's entry on " + pathway.entryDate());
        }
    }

    private static String opening(HealthRightsKind kind, LocalDate openedOn) {
        return kind + "@" + openedOn;
    }

    @EventSourcingHandler
    void on(AssessmentRecordedEvent event) {
        streamId = Streams.accompaniment(event.pathwayId());
        assessedOn = event.assessedOn();
        event.barriers().forEach(category -> barriers.put(category,
                new Barrier(BarrierStatus.IDENTIFIED, event.assessedOn())));
    }

    @EventSourcingHandler
    void on(BarrierStatusChangedEvent event) {
        streamId = Streams.accompaniment(event.pathwayId());
        barriers.put(event.category(), new Barrier(event.status(), event.changedOn()));
    }

    @EventSourcingHandler
    void on(BarrierResolvedByReferralEvent event) {
        streamId = Streams.accompaniment(event.pathwayId());
        barriers.put(event.category(), new Barrier(BarrierStatus.RESOLVED, event.changedOn()));
        referralsApplied.add(event.referralId());
    }

    @EventSourcingHandler
    void on(HealthRightsOpenedEvent event) {
        streamId = Streams.accompaniment(event.pathwayId());
        openings.add(opening(event.kind(), event.openedOn()));
    }
}
