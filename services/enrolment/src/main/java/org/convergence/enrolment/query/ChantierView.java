package org.convergence.enrolment.query;

import org.convergence.enrolment.domain.ProgramStart;

import java.util.List;
import java.util.Optional;

/** A chantier as the API shows it. */
public record ChantierView(String chantierId, String territoryId, String name, List<ProgramStart> programs) {

    public Optional<ProgramStart> program(String code) {
        return programs.stream().filter(p -> p.program().equals(code)).findFirst();
    }

    ChantierView carrying(ProgramStart started) {
        List<ProgramStart> carried = new java.util.ArrayList<>(programs);
        carried.add(started);
        return new ChantierView(chantierId, territoryId, name, List.copyOf(carried));
    }
}
