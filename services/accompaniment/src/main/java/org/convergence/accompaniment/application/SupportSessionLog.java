package org.convergence.accompaniment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.accompaniment.domain.Streams;
import org.convergence.accompaniment.domain.SupportSessionKind;
import org.convergence.accompaniment.domain.SupportSessionMessages.RecordSupportSessionCommand;
import org.convergence.accompaniment.domain.SupportSessionMessages.SupportSessionHeldEvent;
import org.convergence.accompaniment.query.SupportSessionView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.views.EnrolmentView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A chantier's collective psychological support sessions: recorded and read by its staff, its coordinator and the
 * national team. The chantier is found in the enrolment view; an unknown one is missing (403 scoped, 404 national).
 */
@ApplicationScoped
public class SupportSessionLog {

    private final EnrolmentView enrolment;
    private final Commands commands;
    private final MongoEventStore store;

    public SupportSessionLog(EnrolmentView enrolment, Commands commands, MongoEventStore store) {
        this.enrolment = enrolment;
        this.commands = commands;
        this.store = store;
    }

    public SupportSessionView record(String chantierId, String sessionId, SupportSessionKind kind, LocalDate heldOn,
                                     int participants, CallerScope scope) {
        EnrolmentView.Chantier chantier = visibleChantier(chantierId, scope);
        commands.send(new RecordSupportSessionCommand(chantier.territoryId(), chantierId, sessionId, kind, heldOn,
                participants));
        return sessions(chantierId).stream().filter(s -> s.sessionId().equals(sessionId)).findFirst().orElseThrow();
    }

    public List<SupportSessionView> list(String chantierId, CallerScope scope) {
        visibleChantier(chantierId, scope);
        return sessions(chantierId);
    }

    private EnrolmentView.Chantier visibleChantier(String chantierId, CallerScope scope) {
        EnrolmentView.Chantier chantier = enrolment.chantier(chantierId)
                .orElseThrow(() -> scope.missing("Chantier " + chantierId));
        scope.requireChantierAccess(chantier.territoryId(), chantierId);
        return chantier;
    }

    private List<SupportSessionView> sessions(String chantierId) {
        List<SupportSessionView> sessions = new ArrayList<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.supportSessions(chantierId), 0)) {
            if (event.getPayload() instanceof SupportSessionHeldEvent e) {
                sessions.add(new SupportSessionView(e.sessionId(), e.chantierId(), e.kind(), e.heldOn(),
                        e.participants(), (String) event.getMetaData().get(RecordedBy.KEY)));
            }
        }
        return sessions;
    }
}
