package org.convergence.transitions.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.transitions.domain.EmployerMessages.RegisterEmployerCommand;
import org.convergence.transitions.domain.EmployerMessages.RegisterStoreCommand;

/** Employers and their stores: registered by the national team, read by the chantier side and the employer. */
@ApplicationScoped
public class Employers {

    private final Commands commands;
    private final TransitionReads reads;

    public Employers(Commands commands, TransitionReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    public TransitionReads.EmployerView register(String employerId, String name) {
        commands.send(new RegisterEmployerCommand(employerId, name));
        return reads.employer(employerId).orElseThrow();
    }

    public TransitionReads.EmployerView registerStore(String employerId, String storeId, String name,
                                                      String territoryId) {
        commands.send(new RegisterStoreCommand(employerId, storeId, name, territoryId));
        return reads.employer(employerId).orElseThrow();
    }

    /** The chantier side sees every employer (to start a transition); an employer's staff only their own. */
    public TransitionReads.EmployerView get(String employerId, Access access) {
        boolean own = access.employer().map(employerId::equals).orElse(false);
        if (access.employer().isPresent() && !own) {
            throw access.denied();
        }
        return reads.employer(employerId).orElseThrow(() -> new NotFoundException("Employer not found"));
    }
}
