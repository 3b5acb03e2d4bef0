package org.convergence.reporting.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.territories.Deployments;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Published annual reports (ADR 0019): the national team publishes year Y once, and every figure of that moment
 * (the nation, each territory, each chantier, the territories by program) is stored as written facts that nothing
 * ever updates. They live outside the read model's generation ({@code published_reports}, no prefix): a rebuild
 * of the read model, a late or a corrected event leave them as they are.
 * <p>
 * A publication writes its parts first, under a fresh publication id, then its manifest, {@code _id} = the year,
 * with one insert: the unique {@code _id} makes the first manifest the only one (a second publication of the year
 * is refused), and a crash before the manifest leaves only parts nobody points at, never half a report.
 * <p>
 * Errata (ADR 0022): a published year may get further editions, each a whole new snapshot with why and by whom,
 * its manifest keyed {@code <year>#<edition>} (the unique {@code _id} again makes two concurrent editions of the
 * same number impossible). Earlier editions stay as they were and readable; the year's figures are its latest
 * edition's.
 */
public final class PublishedReports {

    public static final String COLLECTION = "published_reports";

    private final MongoCollection<Document> reports;
    private final FiguresService figures;
    private final Deployments deployments;
    private final ReportingModel model;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PublishedReports(MongoDatabase database, FiguresService figures, Deployments deployments,
                            ReportingModel model, ObjectMapper mapper, Clock clock) {
        this.reports = database.getCollection(COLLECTION);
        this.figures = figures;
        this.deployments = deployments;
        this.model = model;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * What a publication is: its year, when its figures were taken, by whom, and what it holds; its edition (1 for
     * the first) and, from the second on, why it replaced the previous one.
     */
    public record Manifest(int year, String publicationId, Instant asOf, String publishedBy,
                           List<String> territoryIds, List<String> chantierIds, int edition, String reason) {
    }

    /** Publishes the year; refused if it was published already, or if it is not over (Paris time). */
    public Manifest publish(Year year, String publishedBy) {
        if (!year.isBefore(Year.now(clock.withZone(BusinessDates.ZONE)))) {
            throw new RuleViolationException("YEAR_NOT_OVER", "A year's report is published once the year is over: "
                    + year + " is not");
        }
        manifest(year).ifPresent(existing -> {
            throw new ReportAlreadyPublishedException(existing);
        });
        return store(year, publishedBy, 1, null);
    }

    /**
     * Publishes a new edition of a published year (errata): every figure as of now, with why and by whom. The
     * earlier editions stay as they were. Refused if the year has no report yet; {@link EditionConflictException}
     * if another edition of the same number was published meanwhile.
     */
    public Manifest publishEdition(Year year, String publishedBy, String reason) {
        Manifest latest = manifest(year).orElseThrow(() -> new RuleViolationException("REPORT_NOT_PUBLISHED",
                "The report of " + year + " is not published: publish it before an erratum"));
        return store(year, publishedBy, latest.edition() + 1, reason);
    }

    private Manifest store(Year year, String publishedBy, int edition, String reason) {
        String publicationId = UUID.randomUUID().toString();
        Instant asOf = clock.instant();
        NationalFigures nation = figures.national(year);
        LocalDate lastDay = year.atMonth(12).atEndOfMonth();
        LocalDate today = LocalDate.ofInstant(asOf, BusinessDates.ZONE);
        List<Document> parts = new ArrayList<>();
        parts.add(part(publicationId, "national", new Document("figures", document(nation))
                .append("deployments", document(deployments.asOf(lastDay.isBefore(today) ? lastDay : today)))));
        List<String> territoryIds = new ArrayList<>();
        List<String> chantierIds = new ArrayList<>();
        for (TerritoryFigures territory : nation.territories()) {
            List<String> itsChantiers = chantiersOf(territory.territoryId());
            territoryIds.add(territory.territoryId());
            parts.add(part(publicationId, "territory:" + territory.territoryId(),
                    new Document("figures", document(territory)).append("chantierIds", itsChantiers)));
            for (String chantierId : itsChantiers) {
                Optional<ChantierFigures> chantier = figures.chantier(chantierId, year);
                if (chantier.isPresent()) {
                    chantierIds.add(chantierId);
                    parts.add(part(publicationId, "chantier:" + chantierId,
                            new Document("figures", document(chantier.get()))));
                }
            }
        }
        reports.insertMany(parts, new InsertManyOptions().ordered(false));
        Manifest manifest = new Manifest(year.getValue(), publicationId, asOf, publishedBy, territoryIds, chantierIds,
                edition, reason);
        try {
            reports.insertOne(new Document("_id", manifestId(year, edition))
                    .append("year", year.getValue()).append("publicationId", publicationId)
                    .append("asOf", asOf.toString()).append("publishedBy", publishedBy)
                    .append("territoryIds", territoryIds).append("chantierIds", chantierIds)
                    .append("edition", edition).append("reason", reason));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                if (edition == 1) {
                    throw new ReportAlreadyPublishedException(manifest(year).orElse(manifest));
                }
                throw new EditionConflictException(year, edition);
            }
            throw e;
        }
        return manifest;
    }

    /** The first edition keeps the year as its key (as before errata existed); later ones {@code <year>#<n>}. */
    private static String manifestId(Year year, int edition) {
        return edition == 1 ? Integer.toString(year.getValue()) : year.getValue() + "#" + edition;
    }

