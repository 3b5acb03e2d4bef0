package org.convergence.accompaniment.application;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The referrals' expiry deadlines, stored by day so that the sweep finds what is due with {@code _id} lookups only
 * (the embedded server answers nothing else from an index): one document per due day, {@code _id = "due:<day>"},
 * listing the referrals due that day, and a cursor, {@code _id = "cursor"}, the first day the next sweep reads.
 * Every write is idempotent ({@code $addToSet}, {@code $pull}, {@code $min}), so a fact read twice or a sweep run
 * twice changes nothing more. A deadline already past when it is stored goes to today's document: the sweep reads
 * from its cursor to today, and sets the cursor back to yesterday, so nothing stored on a later day is skipped.
 */
@ApplicationScoped
public class ReferralDeadlines {

    static final String COLLECTION = "referral_deadlines";
    private static final String CURSOR = "cursor";
    private static final String DAY = "epochDay";
    private static final String REFERRALS = "referrals";

    private final MongoCollection<Document> deadlines;

    public ReferralDeadlines(MongoDatabase database) {
        this.deadlines = database.getCollection(COLLECTION);
    }

    /** A referral of a partner's inbox, due on {@code day}. */
    public record Due(LocalDate day, String territoryId, String partnerId, String referralId) {

        String key() {
            return territoryId + "/" + partnerId + "/" + referralId;
        }

        static Due of(LocalDate day, String key) {
            String[] parts = key.split("/", 3);
            return new Due(day, parts[0], parts[1], parts[2]);
        }
    }

    /** Stores a deadline (idempotent); one already past is due today. */
    public void schedule(String territoryId, String partnerId, String referralId, LocalDate deadline,
                         LocalDate today) {
        LocalDate day = deadline.isBefore(today) ? today : deadline;
        Due due = new Due(day, territoryId, partnerId, referralId);
        deadlines.updateOne(Filters.eq("_id", idOf(day)), Updates.addToSet(REFERRALS, due.key()),
                new UpdateOptions().upsert(true));
        deadlines.updateOne(Filters.eq("_id", CURSOR), Updates.min(DAY, day.toEpochDay()),
                new UpdateOptions().upsert(true));
    }

    /** Every referral due on a day from the cursor to {@code today}: one {@code $in} on the days' ids. */
    public List<Due> dueBy(LocalDate today) {
        Document cursor = deadlines.find(Filters.eq("_id", CURSOR)).first();
        if (cursor == null) {
            return List.of();
        }
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.ofEpochDay(cursor.getLong(DAY)); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(idOf(day));
        }
        List<Due> due = new ArrayList<>();
        for (Document document : deadlines.find(Filters.in("_id", days))) {
            LocalDate day = LocalDate.parse(document.getString("_id").substring("due:".length()));
            document.getList(REFERRALS, String.class, List.of()).forEach(key -> due.add(Due.of(day, key)));
        }
        return due;
    }

    /** The referral needs no more sweeping. */
    public void done(Due due) {
        deadlines.updateOne(Filters.eq("_id", idOf(due.day())), Updates.pull(REFERRALS, due.key()));
    }

    /** The referral is not due yet after all (the configured delay grew): it is looked at again on {@code day}. */
    public void postpone(Due due, LocalDate day, LocalDate today) {
        schedule(due.territoryId(), due.partnerId(), due.referralId(), day, today);
        done(due);
    }

    /**
     * The sweep went through every day before today: the next one starts from yesterday (a deadline stored just
     * before midnight by another process is still read).
     */
    public void sweptUpTo(LocalDate today) {
        deadlines.updateOne(Filters.eq("_id", CURSOR), Updates.set(DAY, today.minusDays(1).toEpochDay()),
                new UpdateOptions().upsert(true));
    }

    private static String idOf(LocalDate day) {
        return "due:" + day;
    }
}
