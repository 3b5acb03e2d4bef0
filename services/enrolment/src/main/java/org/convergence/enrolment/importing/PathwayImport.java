package org.convergence.enrolment.importing;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.enrolment.query.ActivePathways;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.ParticipantPathways;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.input.InputValidation;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;

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
 * have recorded (an enrolment with its real entry date, then its exit, stored together in one commit), each
 * invalid one is reported with its reason, and nothing valid is lost because of another line. Re-running the
 * same file stores nothing twice.
 */
@ApplicationScoped
public class PathwayImport {

    private final Commands commands;
    private final EnrolmentReads reads;
    private final ProgramCatalog programs;
    private final ActivePathways activePathways;
    private final CallerScope scope;
    private final ParticipantPathways participantPathways;
    private final InputValidation validation;

    public PathwayImport(Commands commands, EnrolmentReads reads, ProgramCatalog programs,
                         ActivePathways activePathways, CallerScope scope, ParticipantPathways participantPathways,
                         InputValidation validation) {
        this.participantPathways = participantPathways;
        this.validation = validation;
        this.commands = commands;
        this.reads = reads;
        this.programs = programs;
        this.activePathways = activePathways;
        this.scope = scope;
    }

    /** The formats an import file may come in. */
    public enum Format {
        JSON_LINES,
        CSV
    }

    public ImportReport run(BufferedReader lines, Format format) {
        int accepted = 0;
        int alreadyImported = 0;
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Map<String, Optional<ChantierView>> chantiers = new HashMap<>();
        MetaData metaData = MetaData.with("source", "import");
        int number = 0;
        try {
            LineFormat parser;
            if (format == Format.CSV) {
                parser = CsvLineFormat.fromHeader(lines.readLine(), validation);
                number++;
            } else {
                parser = new JsonLineFormat(validation);
            }
            String text;
            while ((text = lines.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    if (importLine(parser.parse(text), chantiers, metaData)) {
                        accepted++;
                    } else {
                        alreadyImported++;
                    }
                } catch (InvalidLineException | RuleViolationException e) {
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
                .orElseThrow(() -> scope.isNational() ? new InvalidLineException("unknown chantier " + line.chantierId())
                        : scope.denied());
        scope.requireChantierAccess(chantier.territoryId(), chantier.chantierId());
        if (chantier.program(line.program()).isEmpty()) {
            throw new InvalidLineException("chantier " + chantier.chantierId() + " does not carry " + line.program());
        }
        String participantId = line.participantId() == null
                ? UUID.nameUUIDFromBytes(("import:" + line.pathwayId()).getBytes()).toString()
                : line.participantId();
        if (line.exit() == null) {
            activePathways.claim(participantId, line.program(), line.pathwayId());
        }
        participantPathways.link(participantId, line.pathwayId());
        try {
            commands.send(line.exit() == null
                    ? new EnrolParticipantCommand(line.pathwayId(), participantId, line.program(),
                            chantier.territoryId(), chantier.chantierId(), line.entryDate(), null)
                    : new RecordPastPathwayCommand(line.pathwayId(), participantId, line.program(),
                            chantier.territoryId(), chantier.chantierId(), line.entryDate(), line.exit().date(),
                            line.exit().category(), line.exit().housingAtExit()), metaData);
        } catch (ConcurrencyException alreadyThere) {
            // Stored before: by an earlier run (nothing to do), or enrolled since and now known to have ended.
            boolean exitMissing = line.exit() != null
                    && reads.pathway(line.pathwayId()).filter(p -> p.exitDate() == null).isPresent();
            if (!exitMissing) {
                return false;
            }
            commands.send(new RecordExitCommand(line.pathwayId(), line.exit().date(), line.exit().category(),
                    line.exit().housingAtExit()), metaData);
        }
        return true;
    }

    /** Ids are pseudonymous UUIDs everywhere: a name or a free-text code must not become an id. */
    private static void requireUuid(String field, String value) {
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidLineException(field + " is not a UUID");
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
        // A historic exit may lack its category: it is stored as it is and listed for completion.
        if (line.exit() != null && line.exit().date() == null) {
            missing.add("exit.date");
        }
        if (!missing.isEmpty()) {
            throw new InvalidLineException("missing " + String.join(", ", missing));
        }
        requireUuid("pathwayId", line.pathwayId());
        if (line.participantId() != null) {
            requireUuid("participantId", line.participantId());
        }
        if (!programs.isKnown(line.program())) {
            throw new InvalidLineException("unknown program " + line.program());
        }
        LocalDate today = BusinessDates.today();
        if (line.entryDate().isAfter(today) || (line.exit() != null && line.exit().date().isAfter(today))) {
            throw new InvalidLineException("a date is in the future");
        }
    }
}
