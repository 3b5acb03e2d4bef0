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

    /** The year's latest edition: editions are few, so they are looked up one {@code _id} after the other. */
    public Optional<Manifest> manifest(Year year) {
        Optional<Manifest> latest = manifest(year, 1);
        while (latest.isPresent()) {
            Optional<Manifest> next = manifest(year, latest.get().edition() + 1);
            if (next.isEmpty()) {
                break;
            }
            latest = next;
        }
        return latest;
    }

    public Optional<Manifest> manifest(Year year, int edition) {
        Document d = edition < 1 ? null : reports.find(Filters.eq("_id", manifestId(year, edition))).first();
        return Optional.ofNullable(d).map(m -> new Manifest(m.getInteger("year"), m.getString("publicationId"),
                Instant.parse(m.getString("asOf")), m.getString("publishedBy"),
                m.getList("territoryIds", String.class, List.of()), m.getList("chantierIds", String.class, List.of()),
                m.getInteger("edition", 1), m.getString("reason")));
    }

    /** Every edition of the year, the first first. */
    public List<Manifest> editions(Year year) {
        List<Manifest> editions = new ArrayList<>();
        for (Optional<Manifest> m = manifest(year, 1); m.isPresent(); m = manifest(year, m.get().edition() + 1)) {
            editions.add(m.get());
        }
        return editions;
    }

    /** The nation's published figures (a {@code NationalFigures} as JSON) and its territories by program. */
    public Optional<Published> national(Year year) {
        return manifest(year).flatMap(this::national);
    }

    /** One edition's national part (errata: an earlier edition stays readable). */
    public Optional<Published> national(Year year, int edition) {
        return manifest(year, edition).flatMap(this::national);
    }

    public Optional<Published> territory(Year year, String territoryId) {
        return manifest(year).flatMap(m -> territory(m, territoryId));
    }

    /** A territory's part of one edition (the secrecy decision reads every edition of a year, ADR 0037). */
    public Optional<Published> territory(Manifest m, String territoryId) {
        return part(m, "territory:" + territoryId).map(d -> new Published(m, tree(d, "figures"), null,
                chantierIdsOf(d)));
    }

    /** A chantier's published figures (a {@code ChantierFigures} as JSON: its {@code figures} field holds them). */
    public Optional<Published> chantier(Year year, String chantierId) {
        return manifest(year).flatMap(m -> chantier(m, chantierId));
    }

    /** A chantier's part of one edition. */
    public Optional<Published> chantier(Manifest m, String chantierId) {
        return part(m, "chantier:" + chantierId).map(d -> new Published(m, tree(d, "figures"), null, List.of()));
    }

    /** One edition's national part. */
    public Optional<Published> national(Manifest m) {
        return part(m, "national").map(d -> new Published(m, tree(d, "figures"), tree(d, "deployments"), List.of()));
    }

    /** One published part: the figures as they were stored, read back as a JSON tree. */
    public record Published(Manifest manifest, JsonNode figures, JsonNode deployments, List<String> chantierIds) {
    }

    private Optional<Document> part(Manifest m, String what) {
        return Optional.ofNullable(reports.find(Filters.eq("_id", m.publicationId() + ":" + what)).first());
    }

    /** The chantier ids a territory part lists: stored beside its figures, in the part's content. */
    private static List<String> chantierIdsOf(Document part) {
        Document content = part.get("content", Document.class);
        return content == null ? List.of() : content.getList("chantierIds", String.class, List.of());
    }

    private List<String> chantiersOf(String territoryId) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        return territory == null ? List.of() : territory.getList("chantierIds", String.class, List.of());
    }

    private static Document part(String publicationId, String what, Document content) {
        return new Document("_id", publicationId + ":" + what).append("content", content);
    }

    private Document document(Object figures) {
        try {
            return Document.parse(mapper.writeValueAsString(figures));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(Document part, String field) {
        Document content = part.get("content", Document.class);
        Document value = content == null ? null : content.get(field, Document.class);
        try {
            return value == null ? null : mapper.readTree(value.toJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
