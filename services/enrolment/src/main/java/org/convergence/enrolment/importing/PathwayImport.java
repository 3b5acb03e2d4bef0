package org.convergence.enrolment.importing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.enrolment.config.ProgramCatalog;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.query.ActivePathways;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.security.CallerScope;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a territory's historic pathways line by line: each valid line becomes the same facts a person would
 * have recorded (an enrolment with its real entry date, then its exit), each invalid one is reported with
 * its reason, and nothing valid is lost because of another line. Re-running the same file stores nothing twice.
 */
@ApplicationScoped
public class PathwayImport {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Commands commands;
    private final EnrolmentReads reads;
    private final ProgramCatalog programs;
    private final ActivePathways activePathways;
    private final CallerScope scope;

    public PathwayImport(Commands commands, EnrolmentReads reads, ProgramCatalog programs,
                         ActivePathways activePathways, CallerScope scope) {
        this.commands = commands;
        this.reads = reads;
        this.programs = programs;
        this.activePathways = activePathways;
        this.scope = scope;
    }

    public ImportReport run(BufferedReader lines) {
        int accepted = 0;
        int alreadyImported = 0;
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Map<String, Optional<ChantierView>> chantiers = new HashMap<>();
        MetaData metaData = MetaData.with("recordedBy", scope.subject()).and("source", "import");
        int number = 0;
        try {
            String text;
            while ((text = lines.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    if (importLine(parse(text), chantiers, metaData)) {
                        accepted++;
                    } else {
                        alreadyImported++;
                    }
                } catch (InvalidLine | RuleViolationException e) {
                    rejected.add(new ImportReport.Rejected(number, e.getMessage()));
                } catch (ForbiddenException e) {
                    rejected.add(new ImportReport.Rejected(number, "chantier outside your scope or unknown"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportReport(accepted, alreadyImported, rejected);
    }

    /** Returns false when an earlier run already stored this pathway. */
    private boolean importLine(ImportLine line, Map<String, Optional<ChantierView>> chantiers, MetaData metaData) {
        validate(line);
        ChantierView chantier = chantiers.computeIfAbsent(line.chantierId(), reads::chantier)
                .orElseThrow(() -> scope.isNational() ? new InvalidLine("unknown chantier " + line.chantierId())
                        : scope.denied());
        scope.requireChantierAccess(chantier.territoryId(), chantier.chantierId());
        if (chantier.program(line.program()).isEmpty()) {
            throw new InvalidLine("chantier " + chantier.chantierId() + " does not carry " + line.program());
        }
        String participantId = line.participantId() == null
                ? UUID.nameUUIDFromBytes(("import:" + line.pathwayId()).getBytes()).toString()
                : line.participantId();
        if (line.exit() == null) {
            activePathways.claim(participantId, line.program(), line.pathwayId());
        }
        try {
            commands.send(new EnrolParticipantCommand(line.pathwayId(), participantId, line.program(),
                    chantier.territoryId(), chantier.chantierId(), line.entryDate(), null), metaData);
        } catch (ConcurrencyException alreadyThere) {
            // Stored by an earlier run; complete it if that run stopped between the enrolment and the exit.
            boolean exitMissing = line.exit() != null
                    && reads.pathway(line.pathwayId()).filter(p -> p.exitDate() == null).isPresent();
            if (!exitMissing) {
                return false;
            }
        }
        if (line.exit() != null) {
            commands.send(new RecordExitCommand(line.pathwayId(), line.exit().date(), line.exit().category(),
                    line.exit().housingAtExit()), metaData);
        }
        return true;
    }

    private ImportLine parse(String text) {
        try {
            return json.readValue(text, ImportLine.class);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidLine("not a valid pathway line: " + reason);
        }
    }

    private void validate(ImportLine line) {
        List<String> missing = new ArrayList<>();
        if (line.pathwayId() == null) {
            missing.add("pathwayId");
        }
        if (line.program() == null) {
            missing.add("program");
        }
        if (line.chantierId() == null) {
            missing.add("chantierId");
        }
        if (line.entryDate() == null) {
            missing.add("entryDate");
        }
        if (line.exit() != null && (line.exit().date() == null || line.exit().category() == null)) {
            missing.add("exit.date and exit.category");
        }
        if (!missing.isEmpty()) {
            throw new InvalidLine("missing " + String.join(", ", missing));
        }
        try {
            UUID.fromString(line.pathwayId());
        } catch (IllegalArgumentException e) {
            throw new InvalidLine("pathwayId is not a UUID");
        }
        if (!programs.isKnown(line.program())) {
            throw new InvalidLine("unknown program " + line.program());
        }
        if (line.exit() != null && line.exit().date().isBefore(line.entryDate())) {
            throw new InvalidLine("exit date " + line.exit().date() + " is before entry date " + line.entryDate());
        }
        LocalDate today = LocalDate.now();
        if (line.entryDate().isAfter(today) || (line.exit() != null && line.exit().date().isAfter(today))) {
            throw new InvalidLine("a date is in the future");
        }
    }

    /** A line that cannot be imported; its message is the reason reported. */
    private static final class InvalidLine extends RuntimeException {
        InvalidLine(String reason) {
            super(reason);
        }
    }
}
