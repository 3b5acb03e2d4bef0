package org.convergence.enrolment.importing;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.enrolment.application.Access;
import org.convergence.enrolment.application.Enrolments;
import org.convergence.enrolment.application.Exit;
import org.convergence.enrolment.application.NewPathway;
import org.convergence.enrolment.application.Recorded;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.input.InputValidation;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Imports a territory's historic pathways: each valid line becomes the same facts a person would have recorded (an
 * enrolment with its real entry date, and its exit in the same commit), through the same use case as
 * {@code POST /pathways} ({@link Enrolments#record}); each invalid line is reported with its reason, and nothing
 * valid is lost because of another line. Lines are read, checked, then recorded {@value #CHUNK} at a time: one
 * batch of participant links, one of slot claims, one {@code sendAll} of commands. Re-running the same file stores
 * nothing twice.
 */
@ApplicationScoped
public class PathwayImport {

    /** Lines recorded together; a request holds at most about 4,000 (1 MiB). */
    static final int CHUNK = 1_000;
    private static final MetaData SOURCE = MetaData.with("source", "import");
    private static final Logger LOG = Logger.getLogger(PathwayImport.class);

    private final Enrolments enrolments;
    private final ProgramCatalog programs;
    private final InputValidation validation;

    public PathwayImport(Enrolments enrolments, ProgramCatalog programs, InputValidation validation) {
        this.enrolments = enrolments;
        this.validation = validation;
        this.programs = programs;
    }

    /** The formats an import file may come in. */
    public enum Format {
        JSON_LINES,
        CSV
    }

    public ImportReport run(BufferedReader lines, Format format, Access access) {
        Tally tally = new Tally();
        List<Numbered> chunk = new ArrayList<>(CHUNK);
        int number = 0;
        long start = System.nanoTime();
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
                    chunk.add(new Numbered(number, pathwayOf(parser.parse(text))));
                } catch (InvalidLineException e) {
                    tally.rejected.add(new ImportReport.Rejected(number, e.getMessage()));
                }
                if (chunk.size() == CHUNK) {
                    record(chunk, access, tally);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(chunk, access, tally);
        tally.rejected.sort(Comparator.comparingInt(ImportReport.Rejected::line));
        LOG.infof("Import of %d lines in %d ms: %d accepted, %d already imported, %d rejected", number,
                (System.nanoTime() - start) / 1_000_000, tally.accepted, tally.alreadyImported, tally.rejected.size());
        return new ImportReport(tally.accepted, tally.alreadyImported, List.copyOf(tally.rejected));
    }

    private void record(List<Numbered> chunk, Access access, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Recorded> results = enrolments.record(chunk.stream().map(Numbered::pathway).toList(), access, SOURCE);
        for (int i = 0; i < chunk.size(); i++) {
            Recorded result = results.get(i);
            switch (result.outcome()) {
                case STORED -> tally.accepted++;
                case ALREADY_STORED -> tally.alreadyImported++;
                case REFUSED -> tally.rejected.add(new ImportReport.Rejected(chunk.get(i).line(),
                        reasonOf(result.refusal(), chunk.get(i).pathway()),
                        result.refusal() instanceof RuleViolationException rule ? rule.code() : null));
            }
        }
        chunk.clear();
    }

    /** Why a line was refused, in words for the person importing; a failure of ours is not a line's fault. */
    private static String reasonOf(RuntimeException refusal, NewPathway pathway) {
        if (refusal instanceof RuleViolationException) {
            return refusal.getMessage();
        }
        if (refusal instanceof NotFoundException) {
            return "unknown chantier " + pathway.chantierId();
        }
        if (refusal instanceof ForbiddenException) {
            return "chantier outside your scope or unknown";
        }
        if (refusal instanceof ConcurrencyException) {
            return "pathwayId " + pathway.pathwayId() + " is already used by another pathway";
        }
        throw refusal;
    }

    /**
     * The pathway a valid line describes. Without a participant id, one is derived from the pathway id, so a re-run
     * names the same participant.
     */
    private NewPathway pathwayOf(ImportLine line) {
        validate(line);
        String participantId = line.participantId() != null ? line.participantId()
                : UUID.nameUUIDFromBytes(("import:" + line.pathwayId()).getBytes(StandardCharsets.UTF_8)).toString();
        return line.exit() == null
                ? NewPathway.open(line.pathwayId(), participantId, line.program(), line.chantierId(), line.entryDate())
                : NewPathway.ended(line.pathwayId(), participantId, line.program(), line.chantierId(), line.entryDate(),
                new Exit(line.exit().date(), line.exit().category(), line.exit().housingAtExit()));
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

    private record Numbered(int line, NewPathway pathway) {
    }

    private static final class Tally {
        private int accepted;
        private int alreadyImported;
        private final List<ImportReport.Rejected> rejected = new ArrayList<>();
    }
}
