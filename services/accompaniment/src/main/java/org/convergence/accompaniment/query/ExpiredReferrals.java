package org.convergence.accompaniment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.PartnerKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each chantier's expired referrals, built from the {@code referral.status-changed} facts with status
 * {@code EXPIRED}: one document per chantier ({@code _id} = chantier id), one entry per referral (set by its id, so
 * a fact read twice writes the same entry). Disposable: the facts rebuild it.
 */
@ApplicationScoped
public class ExpiredReferrals {

    private static final String REFERRALS = "referrals";

    private final MongoCollection<Document> lists;

    public ExpiredReferrals(MongoDatabase database) {
        this.lists = database.getCollection("expired_referrals");
    }

    /** A referral no partner answered in time, for the chantier to follow up (send it elsewhere, or again). */
    public record Expired(String referralId, String partnerId, PartnerKind partnerKind, String pathwayId,
                          String participantId, BarrierCategory category, LocalDate expiredOn) {
    }

    public void record(String chantierId, Expired referral) {
        Document entry = new Document("partnerId", referral.partnerId())
                .append("partnerKind", referral.partnerKind().name()).append("pathwayId", referral.pathwayId())
                .append("participantId", referral.participantId()).append("category", referral.category().name())
                .append("expiredOn", referral.expiredOn().toString());
        lists.updateOne(Filters.eq("_id", chantierId), Updates.set(REFERRALS + "." + referral.referralId(), entry),
                new UpdateOptions().upsert(true));
    }

    /** The chantier's expired referrals, the latest expiry first. */
    public List<Expired> of(String chantierId) {
        Document list = lists.find(Filters.eq("_id", chantierId)).first();
        List<Expired> expired = new ArrayList<>();
        if (list != null) {
            list.get(REFERRALS, Document.class).forEach((referralId, value) -> {
                Document d = (Document) value;
                expired.add(new Expired(referralId, d.getString("partnerId"),
                        PartnerKind.valueOf(d.getString("partnerKind")), d.getString("pathwayId"),
                        d.getString("participantId"), BarrierCategory.valueOf(d.getString("category")),
                        LocalDate.parse(d.getString("expiredOn"))));
            });
        }
        expired.sort(Comparator.comparing(Expired::expiredOn).reversed().thenComparing(Expired::referralId));
        return expired;
    }
}
