package org.convergence.accompaniment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.accompaniment.domain.AccompaniedPathway;
import org.convergence.accompaniment.domain.AccompanimentMessages.ChangeBarrierStatusCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordAssessmentCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordHealthRightsOpeningCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.ResolveBarrierAfterReferralCommand;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.BarrierStatus;
import org.convergence.accompaniment.domain.HealthRightsKind;
import org.convergence.accompaniment.domain.HousingSituation;
import org.convergence.accompaniment.query.AccompanimentReads;
import org.convergence.accompaniment.query.AccompanimentView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.views.EnrolmentView;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the chantier records of a pathway's accompaniment, and reads back. Each use case finds the pathway in this
 * service's enrolment view, checks the caller's reach against the pathway's chantier, then sends one command; the
 * aggregate checks the rules with the pathway's entry date as the view knows it.
 */
@ApplicationScoped
public class AccompanimentFacts {

    private final EnrolmentView enrolment;
    private final Commands commands;
    private final AccompanimentReads reads;
    private final AccessTrail trail;

    public AccompanimentFacts(EnrolmentView enrolment, Commands commands, AccompanimentReads reads,
                              AccessTrail trail) {
        this.enrolment = enrolment;
        this.commands = commands;
        this.reads = reads;
        this.trail = trail;
    }

    public AccompanimentView recordAssessment(String pathwayId, LocalDate assessedOn, HousingSituation housingAtEntry,
                                              Set<BarrierCategory> barriers, CallerScope scope) {
        AccompaniedPathway pathway = visiblePathway(pathwayId, scope);
        commands.send(new RecordAssessmentCommand(pathway, assessedOn, housingAtEntry, barriers));
        return audited(pathway, scope);
    }

    public AccompanimentView changeBarrierStatus(String pathwayId, BarrierCategory category, BarrierStatus status,
                                                 LocalDate changedOn, CallerScope scope) {
        AccompaniedPathway pathway = visiblePathway(pathwayId, scope);
        commands.send(new ChangeBarrierStatusCommand(pathway, category, status, changedOn));
        return audited(pathway, scope);
    }

    public AccompanimentView recordHealthRightsOpening(String pathwayId, HealthRightsKind kind, LocalDate openedOn,
                                                       CallerScope scope) {
        AccompaniedPathway pathway = visiblePathway(pathwayId, scope);
        commands.send(new RecordHealthRightsOpeningCommand(pathway, kind, openedOn));
        return audited(pathway, scope);
    }

    /** For a partner answering a referral of this pathway: the referral is its reach, not a chantier scope. */
    void recordHealthRightsOpening(String pathwayId, HealthRightsKind kind, LocalDate openedOn) {
        commands.send(new RecordHealthRightsOpeningCommand(accompanied(enrolment.requirePathway(pathwayId)), kind,
                openedOn));
    }

    /**
     * A referral of this pathway was completed: its barrier moves if a completion resolves it (the aggregate
     * decides, once per referral). False while the enrolment view does not know the pathway.
     */
    public boolean resolveAfterCompletedReferral(String pathwayId, String referralId, BarrierCategory category,
                                                 LocalDate completedOn) {
        return enrolment.pathway(pathwayId).map(known -> {
            commands.send(new ResolveBarrierAfterReferralCommand(accompanied(known), referralId, category,
                    completedOn));
            return true;
        }).orElse(false);
    }

    public AccompanimentView read(String pathwayId, CallerScope scope) {
        AccompaniedPathway pathway = visiblePathway(pathwayId, scope);
        return audited(pathway, scope);
    }

    /** The pathway's accompaniment as the caller will see it, its read recorded in the participant's trail first. */
    private AccompanimentView audited(AccompaniedPathway pathway, CallerScope scope) {
        trail.record(scope.subject(), "accompaniment", pathway.participantId(), pathway.pathwayId());
        return reads.of(pathway.pathwayId(), pathway.participantId());
    }

    /**
     * The pathway as the enrolment view knows it, if the caller may reach its chantier. A pathway the view does not
     * know (yet) is missing: 404 for the national team, the same 403 as another chantier's for anyone else.
     */
    AccompaniedPathway visiblePathway(String pathwayId, CallerScope scope) {
        EnrolmentView.Pathway known = enrolment.pathway(pathwayId)
                .orElseThrow(() -> scope.missing("Pathway " + pathwayId));
        scope.requireChantierAccess(known.territoryId(), known.chantierId());
        return accompanied(known);
    }

    private static AccompaniedPathway accompanied(EnrolmentView.Pathway known) {
        return new AccompaniedPathway(known.pathwayId(), known.participantId(), known.program(), known.territoryId(),
                known.chantierId(), known.entryDate());
    }
}
