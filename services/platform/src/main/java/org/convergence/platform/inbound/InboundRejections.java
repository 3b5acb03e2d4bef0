package org.convergence.platform.inbound;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.input.Identifiers;
import org.convergence.platform.messaging.DeadLetter;
import org.convergence.platform.messaging.DeadLetterListener;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The recent rejections of an inbound door, per sending chantier: each record a chantier's software sent that a
 * consumer dead-lettered (malformed, refused by a rule, out of scope, about something never known), so that the
 * chantier's staff see what their software sent wrong (ADR 0018). A service with an inbound door declares its
 * consumer with this listener ({@link #listener()}) and serves {@link #recent} to the chantier's staff.
 *
 * <p>One document per chantier and day ({@code _id = chantierId|YYYY-MM-DD}), read by {@code $in} on the days
 * asked for; each rejection is an entry of it keyed by the sender's record id (a record re-sent and refused again is
 * one entry) or, for a record that could not be read, by its place in the topic. A day lists at most
 * {@value #LISTED_PER_DAY} rejections and counts the others, so a flood of bad records cannot grow a document
 * without bound. Rejections whose record names no readable chantier are kept under {@value #UNATTRIBUTED}.
 */
@ApplicationScoped
public class InboundRejections {

    public static final String COLLECTION = "inbound_rejections";
    public static final int LISTED_PER_DAY = 500;
    public static final int DAYS_SHOWN = 30;
    /** Not a slug: no chantier can be named so. */
    public static final String UNATTRIBUTED = "?";
    private static final Pattern ID = Pattern.compile(Identifiers.UUID + "|" + Identifiers.SLUG);

    private final MongoCollection<Document> days;
    private final Clock clock;
    private final int listedPerDay;

    @Inject
    public InboundRejections(MongoDatabase database) {
        this(database, Clock.systemUTC(), LISTED_PER_DAY);
    }

    InboundRejections(MongoDatabase database, Clock clock, int listedPerDay) {
        this.days = database.getCollection(COLLECTION);
        this.clock = clock;
        this.listedPerDay = listedPerDay;
    }

    /** What a consumer declaration is given, so that each of its dead letters is listed here. */
    public DeadLetterListener listener() {
        return this::record;
    }

    /** Lists a dead letter under its sending chantier (its topic's, else the one it claims); idempotent. */
    public void record(DeadLetter letter) {
        String chantierId = SendingChantier.of(letter).orElse(UNATTRIBUTED);
        LocalDate day = letter.at().atOffset(ZoneOffset.UTC).toLocalDate();
        String id = chantierId + "|" + day;
        Document counted = days.findOneAndUpdate(eq("_id", id),
                Updates.combine(Updates.setOnInsert("chantierId", chantierId),
                        Updates.setOnInsert("day", day.toString()), Updates.inc("seen", 1)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("seen")));
        if (counted != null && counted.getInteger("seen", 0) > listedPerDay) {
            return;
        }
        days.updateOne(eq("_id", id), Updates.set("entries." + entryKey(letter), entry(letter)));
    }

    /** The rejections of the last {@value #DAYS_SHOWN} days listed for {@code chantierId}, newest first. */
    public RecentRejections recent(String chantierId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate since = today.minusDays(DAYS_SHOWN - 1L);
        List<String> ids = new ArrayList<>();
        for (LocalDate day = since; !day.isAfter(today); day = day.plusDays(1)) {
            ids.add(chantierId + "|" + day);
        }
        List<InboundRejection> rejections = new ArrayList<>();
        long notListed = 0;
        for (Document document : days.find(in("_id", ids))) {
            notListed += Math.max(0, document.getInteger("seen", 0) - listedPerDay);
            Document entries = document.get("entries", Document.class);
            if (entries != null) {
                entries.values().forEach(entry -> rejections.add(rejectionOf((Document) entry)));
            }
        }
        rejections.sort(Comparator.comparing(InboundRejection::at).reversed()
                .thenComparing(InboundRejection::offset, Comparator.reverseOrder()));
        return new RecentRejections(chantierId, since, List.copyOf(rejections), notListed);
    }

    /** The sender's record id names the entry, so a record re-sent is one entry; else its place in the topic. */
    private static String entryKey(DeadLetter letter) {
        if (letter.envelope() != null) {
            return "r" + letter.envelope().eventId();
        }
        return "o" + letter.topic().replace('.', '_').replace('$', '_') + "~" + letter.partition() + "~"
                + letter.offset();
    }

    private static Document entry(DeadLetter letter) {
        EventEnvelope envelope = letter.envelope();
        Document entry = new Document("at", Date.from(letter.at()))
                .append("code", letter.code())
                .append("reason", letter.reason())
                .append("topic", letter.topic())
                .append("partition", letter.partition())
                .append("offset", letter.offset());
        if (envelope != null) {
            entry.append("recordId", envelope.eventId()).append("type", envelope.type());
        }
        // A key is shown only if it is an id (a pathway's): never arbitrary bytes a sender wrote.
        if (letter.key() != null && ID.matcher(letter.key()).matches()) {
            entry.append("key", letter.key());
        }
        return entry;
    }

    private static InboundRejection rejectionOf(Document entry) {
        return new InboundRejection(entry.getDate("at").toInstant(), entry.getString("code"),
                entry.getString("reason"), entry.getString("recordId"), entry.getString("type"),
                entry.getString("key"), entry.getString("topic"), entry.getInteger("partition", 0),
                entry.get("offset", Number.class).longValue());
    }
}
