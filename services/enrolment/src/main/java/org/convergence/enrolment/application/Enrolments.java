package org.convergence.enrolment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.enrolment.application.ActivePathwaySlots.Claim;
import org.convergence.enrolment.domain.EnrolmentSite;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.enrolment.domain.ProgramStart;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.ParticipantPathways;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.ProgramCatalog;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starting pathways, whichever door the request came through (REST, the historic import, a chantier software's
 * Kafka records): enrolment, a past pathway with its exit, promotion from Premières Heures to Convergence. One path
 * for all: the chantier is resolved within the actor's scope, the participant linked to the pathway, the
 * participant's slot for the program claimed for an open pathway ({@link ActivePathwaySlots}), then the commands
 * sent, many at once when there are many; the aggregate checks the program rules.
 */
@ApplicationScoped
public class Enrolments {

    private static final Logger LOG = Logger.getLogger(Enrolments.class);
    private final Commands commands;
    private final EnrolmentReads reads;
    private final ActivePathwaySlots slots;
    private final ParticipantPathways links;

    public Enrolments(Commands commands, EnrolmentReads reads, ActivePathwaySlots slots, ParticipantPathways links) {
        this.commands = commands;
        this.reads = reads;
        this.slots = slots;
        this.links = links;
    }

    /**
     * Enrols one participant; a new participant id when none is given. Throws the refusal; a pathway id already
     * used, even by this very enrolment sent before, is a conflict: an enrolment is recorded once.
     */
    public PathwayView enrol(NewPathway pathway, Access access) {
        NewPathway identified = pathway.participantId() != null ? pathway
                : pathway.withParticipant(UUID.randomUUID().toString());
        Recorded recorded = record(List.of(identified), access, MetaData.emptyInstance()).get(0);
        return switch (recorded.outcome()) {
            case STORED -> recorded.pathway();
            case ALREADY_STORED -> throw new ConcurrencyException("Pathway " + pathway.pathwayId() + " already exists");
            case REFUSED -> throw recorded.refusal();
        };
    }

    /**
     * Records many pathways, each with its outcome, in order; a refused one never stops the others. Safe to repeat:
     * a pathway already stored as the same participant's, in the same program and chantier, is reported as such
     * (and receives the exit it lacked, if this one has it), even if the participant has started another since.
     * Every item must name its participant.
     */
    public List<Recorded> record(List<NewPathway> pathways, Access access, MetaData metaData) {
        long start = System.nanoTime();
        Recorded[] results = new Recorded[pathways.size()];
        EnrolmentSite[] sites = resolveSites(pathways, access, results);
        long sitesResolved = System.nanoTime();
        linkParticipants(pathways, results);
        long linked = System.nanoTime();

        List<Integer> open = indexes(pathways, results, p -> p.exit() == null);
        List<RuntimeException> claimRefusals = slots.claimAll(open.stream().map(i -> claimOf(pathways.get(i)))
                .toList());
        for (int k = 0; k < open.size(); k++) {
            if (claimRefusals.get(k) != null) {
                int i = open.get(k);
                results[i] = sameAlreadyStored(pathways.get(i)).orElse(Recorded.refused(claimRefusals.get(k)));
            }
        }

        long claimed = System.nanoTime();
        List<Integer> sent = indexes(pathways, results, p -> true);
        List<Object> toSend = sent.stream().map(i -> commandOf(pathways.get(i), sites[i])).toList();
        List<Commands.Outcome> outcomes = commands.sendAll(toSend, metaData);
        long commandsSent = System.nanoTime();
        for (int k = 0; k < sent.size(); k++) {
            int i = sent.get(k);
            NewPathway pathway = pathways.get(i);
            Commands.Outcome outcome = outcomes.get(k);
            results[i] = outcome.succeeded() ? Recorded.stored(viewOf(pathway, sites[i]))
                    : refusedOrKnown(pathway, outcome.failure(), metaData);
        }
        // Where the time of a large import goes (benchmarks.md): one line per call, at DEBUG.
        LOG.debugf("Recorded %d pathways (%d open): sites %d ms, links %d ms, claims %d ms, commands %d ms, "
                        + "refusals and re-runs %d ms", pathways.size(), open.size(), millis(start, sitesResolved),
                millis(sitesResolved, linked), millis(linked, claimed), millis(claimed, commandsSent),
                millis(commandsSent, System.nanoTime()));
        return List.of(results);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Ends a Premières Heures pathway by promotion to a Convergence CDDI at {@code chantierId} (the same chantier if
     * null) and starts the linked Convergence pathway. For a running Premières Heures pathway, the participant's
     * Convergence slot is claimed before it ends, so a refused slot leaves it running; any other pathway goes
     * straight to the aggregate, which says why it is not promoted (or that this promotion is already done). Two
     * commands without a saga: a retried request completes the second (docs/domain-decisions.md).
     */
    public PathwayView promote(String pathwayId, String convergencePathwayId, String chantierId, LocalDate promotionDate,
                               Access access) {
        PathwayView premieresHeures = visiblePathway(pathwayId, access);
        EnrolmentSite target = site(chantierId == null ? premieresHeures.chantierId() : chantierId, access);
        Claim claim = new Claim(premieresHeures.participantId(), ProgramCatalog.CONVERGENCE, convergencePathwayId);
        boolean mayBePromoted = ProgramCatalog.PREMIERES_HEURES.equals(premieresHeures.program())
                && premieresHeures.exitDate() == null;
        if (mayBePromoted) {
            slots.claim(claim);
        }
        try {
            commands.send(new PromoteToConvergenceCommand(pathwayId, convergencePathwayId, promotionDate, target));
        } catch (RuleViolationException | ConcurrencyException refused) {
            if (mayBePromoted) {
                slots.release(claim);
            }
            throw refused;
        }
        return enrol(new NewPathway(convergencePathwayId, premieresHeures.participantId(), ProgramCatalog.CONVERGENCE,
                target.chantierId(), promotionDate, null, pathwayId), access);
    }

    /** A pathway the actor may see, or the actor's refusal. */
    public PathwayView visiblePathway(String pathwayId, Access access) {
        PathwayView pathway = reads.pathway(pathwayId).orElseThrow(() -> access.missing("Pathway"));
        access.requireChantier(pathway.territoryId(), pathway.chantierId());
        return pathway;
    }

    /** Where pathways of {@code chantierId} take place, if the actor may record them there. */
    public EnrolmentSite site(String chantierId, Access access) {
        ChantierView chantier = reads.chantier(chantierId).orElseThrow(() -> access.missing("Chantier"));
        access.requireChantier(chantier.territoryId(), chantier.chantierId());
        return new EnrolmentSite(chantier.territoryId(), chantier.chantierId(),
                chantier.programs().stream().map(ProgramStart::program).collect(Collectors.toSet()));
    }

    private EnrolmentSite[] resolveSites(List<NewPathway> pathways, Access access, Recorded[] results) {
        EnrolmentSite[] sites = new EnrolmentSite[pathways.size()];
        Map<String, Object> byChantier = new HashMap<>(); // a site, or the refusal to reach it
        for (int i = 0; i < pathways.size(); i++) {
            Object site = byChantier.computeIfAbsent(pathways.get(i).chantierId(), chantierId -> {
                try {
                    return site(chantierId, access);
                } catch (RuntimeException refused) {
                    return refused;
                }
            });
            if (site instanceof EnrolmentSite reachable) {
                sites[i] = reachable;
            } else {
                results[i] = Recorded.refused((RuntimeException) site);
            }
        }
        return sites;
    }

    /** Links first: a stored pathway is then always listed; a link whose pathway was refused is skipped by readers. */
    private void linkParticipants(List<NewPathway> pathways, Recorded[] results) {
        Map<String, Set<String>> byParticipant = new LinkedHashMap<>();
        for (int i = 0; i < pathways.size(); i++) {
            if (results[i] == null) {
                byParticipant.computeIfAbsent(pathways.get(i).participantId(), p -> new LinkedHashSet<>())
                        .add(pathways.get(i).pathwayId());
            }
        }
        links.linkAll(byParticipant);
    }

    private Recorded refusedOrKnown(NewPathway pathway, RuntimeException failure, MetaData metaData) {
        if (failure instanceof ConcurrencyException) {
            Optional<Recorded> known = sameAlreadyStored(pathway);
            if (known.isPresent()) {
                return completed(pathway, known.get(), metaData);
            }
        }
        if (pathway.exit() == null && (failure instanceof RuleViolationException
                || failure instanceof ConcurrencyException)) {
            slots.release(claimOf(pathway)); // refused for good: the participant need not wait for the claim to expire
        }
        return Recorded.refused(failure);
    }

    /** The pathway stored under this id, if it is this one: same participant, program and chantier. */
    private Optional<Recorded> sameAlreadyStored(NewPathway pathway) {
        return reads.pathway(pathway.pathwayId())
                .filter(stored -> stored.participantId().equals(pathway.participantId())
                        && stored.program().equals(pathway.program())
                        && stored.chantierId().equals(pathway.chantierId()))
                .map(Recorded::alreadyStored);
    }

    /** A pathway stored open by an earlier run, and now known to have ended, receives its exit. */
    private Recorded completed(NewPathway pathway, Recorded known, MetaData metaData) {
        PathwayView stored = known.pathway();
        if (pathway.exit() == null || stored.exitDate() != null) {
            return known;
        }
        Exit exit = pathway.exit();
        try {
            commands.send(new RecordExitCommand(pathway.pathwayId(), exit.date(), exit.category(),
                    exit.housingAtExit()), metaData);
        } catch (RuleViolationException | ConcurrencyException refused) {
            return Recorded.refused(refused);
        }
        return Recorded.stored(stored.exited(exit.date(), exit.category(), exit.housingAtExit()));
    }

    private static Object commandOf(NewPathway p, EnrolmentSite site) {
        if (p.exit() == null) {
            return new EnrolParticipantCommand(p.pathwayId(), p.participantId(), p.program(), site, p.entryDate(),
                    p.promotedFrom());
        }
        return new RecordPastPathwayCommand(p.pathwayId(), p.participantId(), p.program(), site, p.entryDate(),
                p.exit().date(), p.exit().category(), p.exit().housingAtExit());
    }

    private static PathwayView viewOf(NewPathway p, EnrolmentSite site) {
        PathwayView enrolled = PathwayView.enrolled(p.pathwayId(), p.participantId(), p.program(), site.territoryId(),
                site.chantierId(), p.entryDate(), p.promotedFrom());
        return p.exit() == null ? enrolled
                : enrolled.exited(p.exit().date(), p.exit().category(), p.exit().housingAtExit());
    }

    private static Claim claimOf(NewPathway pathway) {
        return new Claim(pathway.participantId(), pathway.program(), pathway.pathwayId());
    }

    private static List<Integer> indexes(List<NewPathway> pathways, Recorded[] results,
                                         java.util.function.Predicate<NewPathway> which) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < pathways.size(); i++) {
            if (results[i] == null && which.test(pathways.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
