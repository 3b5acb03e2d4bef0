package org.convergence.enrolment.application;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.convergence.enrolment.domain.PathwayMessages.AbandonEnrolmentCommand;
import org.convergence.enrolment.domain.Streams;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * One active pathway per participant and program (422 {@code SECOND_ACTIVE_PATHWAY}), settled before an enrolment
 * is sent, without a multi-document transaction (docs/adr/0015).
 *
 * <p>A participant's slot for a program is a chain of generations, each one document keyed by {@code _id} alone:
 * {@code participantId:program}, then {@code participantId:program:1}, {@code :2}… Each names the pathway holding the
 * slot (or none, once released) and when it was claimed. Taking the slot over means inserting the next generation:
 * of several enrolments racing for it, the unique {@code _id} lets exactly one in, and every read and write is an
 * exact {@code _id} lookup, which the embedded server serves from its index.
 *
 * <p>The holder's own stream says whether it still holds: an open pathway of this participant and program keeps the
 * slot; an ended one, an abandoned id, or an id used by another pathway gives it up. A holder whose enrolment is not
 * stored yet is in flight: it keeps the slot while its claim is younger than {@code enrolment.slot-claim-timeout};
 * an older one died before storing (a killed process) and is taken over only after its pathway id has been
 * abandoned in the event store, so that its enrolment, should it still arrive, is refused by the unique commit
 * {@code _id} of that stream. Time only decides when to stop waiting, never who wins.
 */
@ApplicationScoped
public class ActivePathwaySlots {

    public static final String COLLECTION = "active_pathway_slots";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> slots;
    private final MongoEventStore store;
    private final Commands commands;
    private final Duration claimTimeout;

    public ActivePathwaySlots(MongoDatabase database, MongoEventStore store, Commands commands,
                              @ConfigProperty(name = "enrolment.slot-claim-timeout", defaultValue = "2m")
                              Duration claimTimeout) {
        this.slots = database.getCollection(COLLECTION);
        this.store = store;
        this.commands = commands;
        this.claimTimeout = claimTimeout;
    }

    /** An enrolment's claim on its participant's slot for its program. */
    public record Claim(String participantId, String program, String pathwayId) {

        String slot() {
            return participantId + ":" + program;
        }
    }

    /** Takes the slot for {@code claim}, or throws {@code SECOND_ACTIVE_PATHWAY}. */
    public void claim(Claim claim) {
        RuntimeException refusal = claimAll(List.of(claim)).get(0);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Takes the slot for each claim, in order; returns, per claim, null when it holds the slot or the refusal.
     * First claims of a participant's program (a first import) cost one batched insert for all of them.
     */
    public List<RuntimeException> claimAll(List<Claim> claims) {
        RuntimeException[] refusals = new RuntimeException[claims.size()];
        List<Integer> taken = new ArrayList<>();
        if (!claims.isEmpty()) {
            List<Document> firstGenerations = claims.stream().map(c -> generation(c, 0, c.pathwayId())).toList();
            try {
                slots.insertMany(firstGenerations, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    taken.add(error.getIndex());
                }
            }
        }
        for (int index : taken) {
            try {
                claimTaken(claims.get(index));
            } catch (RuleViolationException | ConcurrencyException e) {
                refusals[index] = e;
            }
        }
        return Arrays.asList(refusals);
    }

    /**
     * Gives the slot back after {@code claim}'s enrolment was refused for good (a rule, or its id used by another
     * pathway), so the participant is not kept waiting for the claim to time out. A claim whose pathway is stored
     * as this participant's, by an earlier attempt of the same request, keeps its slot.
     */
    public void release(Claim claim) {
        Optional<Generation> current = current(claim.slot());
        if (current.isEmpty() || !claim.pathwayId().equals(current.get().holder()) || storedAsClaimed(claim)) {
            return;
        }
        insert(claim, current.get().number() + 1, null);
    }

    private void claimTaken(Claim claim) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Generation> current = current(claim.slot());
            if (current.isEmpty()) {
                if (insert(claim, 0, claim.pathwayId())) {
                    return;
                }
                continue;
            }
            String holder = current.get().holder();
            if (claim.pathwayId().equals(holder)) {
                return; // the same enrolment, retried
            }
            if (holder != null && !gaveUp(holder, current.get(), claim)) {
                continue;
            }
            if (insert(claim, current.get().number() + 1, claim.pathwayId())) {
                return;
            }
        }
        throw new RuleViolationException("SECOND_ACTIVE_PATHWAY", "Other " + claim.program()
                + " pathways of this participant are being started at the same time");
    }

    /**
     * Whether {@code holder} no longer holds the slot; throws if it is active or in flight. Returns false when the
     * holder's stream changed while it was being abandoned: the caller reads the slot again.
     */
    private boolean gaveUp(String holder, Generation current, Claim claim) {
        switch (holderState(holder, claim)) {
            case ACTIVE -> throw new RuleViolationException("SECOND_ACTIVE_PATHWAY", "This participant already has"
                    + " an active " + claim.program() + " pathway (" + holder + "); end it before starting another");
            case UNKNOWN -> {
                if (current.claimedAt().plus(claimTimeout).isAfter(Instant.now())) {
                    throw new RuleViolationException("SECOND_ACTIVE_PATHWAY", "Another " + claim.program()
                            + " pathway of this participant (" + holder + ") is being started");
                }
                try {
                    commands.send(new AbandonEnrolmentCommand(holder, claim.participantId(), claim.program()));
                } catch (ConcurrencyException storedMeanwhile) {
                    return false;
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private enum HolderState {
        /** An open pathway of this participant and program. */
        ACTIVE,
        /** Ended, abandoned, or another pathway's id: it does not hold the slot. */
        GONE,
        /** Nothing stored under that id yet. */
        UNKNOWN
    }

    private HolderState holderState(String pathwayId, Claim claim) {
        List<DomainEventMessage<?>> events = store.eventsOf(Streams.pathway(pathwayId), 0);
        if (events.isEmpty()) {
            return HolderState.UNKNOWN;
        }
        Optional<PathwayView> pathway = EnrolmentReads.pathwayOf(events).filter(p -> sameSlot(p, claim));
        return pathway.isPresent() && pathway.get().exitDate() == null ? HolderState.ACTIVE : HolderState.GONE;
    }

    private boolean storedAsClaimed(Claim claim) {
        return EnrolmentReads.pathwayOf(store.eventsOf(Streams.pathway(claim.pathwayId()), 0))
                .filter(p -> sameSlot(p, claim)).isPresent();
    }

    private static boolean sameSlot(PathwayView pathway, Claim claim) {
        return pathway.participantId().equals(claim.participantId()) && pathway.program().equals(claim.program());
    }

    /** The last generation of the slot's chain, following {@code _id}s from the first. */
    private Optional<Generation> current(String slot) {
        Generation last = null;
        for (int number = 0; ; number++) {
            Document document = slots.find(Filters.eq("_id", idOf(slot, number))).first();
            if (document == null) {
                return Optional.ofNullable(last);
            }
            Date claimedAt = document.getDate("claimedAt");
            last = new Generation(number, document.getString("pathwayId"),
                    claimedAt == null ? Instant.EPOCH : claimedAt.toInstant());
        }
    }

    /** Inserts generation {@code number}; false if another writer inserted it first. */
    private boolean insert(Claim claim, int number, String holder) {
        try {
            slots.insertOne(generation(claim, number, holder));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    private static Document generation(Claim claim, int number, String holder) {
        return new Document("_id", idOf(claim.slot(), number)).append("pathwayId", holder)
                .append("claimedAt", new Date());
    }

    /** The first generation keeps the key slots had before they became chains, so those slots still count. */
    private static String idOf(String slot, int number) {
        return number == 0 ? slot : slot + ":" + number;
    }

    /** One link of a slot's chain: who holds it ({@code null}: released) and since when. */
    private record Generation(int number, String holder, Instant claimedAt) {
    }
}
