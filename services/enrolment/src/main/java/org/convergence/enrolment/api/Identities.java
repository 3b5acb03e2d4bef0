package org.convergence.enrolment.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.enrolment.domain.ParticipantMessages.EraseIdentityCommand;
import org.convergence.enrolment.domain.ParticipantMessages.RecordIdentityCommand;
import org.convergence.enrolment.identity.Identity;
import org.convergence.enrolment.identity.IdentityVault;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.security.CallerScope;

/** Records and erases identities: the vault seals or shreds, the participant's stream keeps the facts. */
@ApplicationScoped
public class Identities {

    private final IdentityVault vault;
    private final Commands commands;
    private final CallerScope scope;

    public Identities(IdentityVault vault, Commands commands, CallerScope scope) {
        this.vault = vault;
        this.commands = commands;
        this.scope = scope;
    }

    void record(String participantId, String territoryId, String chantierId, Requests.IdentityFields fields) {
        String sealed = vault.seal(participantId, new Identity(fields.firstName(), fields.lastName(),
                fields.birthDate()));
        commands.send(new RecordIdentityCommand(participantId, territoryId, chantierId, sealed));
    }

    /** The key goes first: even if recording the fact fails, the identity is already unreadable. */
    void erase(String participantId) {
        vault.shred(participantId);
        commands.send(new EraseIdentityCommand(participantId));
    }
}
