package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.reporting.projection.ReportingModel;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The referrals and support sessions of some chantiers, read from the accompaniment roster's activity buckets (one
 * {@code $in}; entries {@code referrals.<id>} and {@code sessions.<id>}, apart from the pathways' since ADR 0034), and the year's
 * {@link AccompanimentActivity} of any subset of those chantiers.
 */
public final class AccompanimentActivityRecords {

    private final ReportingModel model;

    public AccompanimentActivityRecords(ReportingModel model) {
        this.model = model;
    }

    /** A referral as reporting keeps it: who sent it, to which kind of partner, when, and its latest status. */
    public record Referral(String chantierId, String partnerKind, LocalDate sentOn, String status) {
    }

    public record Session(String chantierId, String kind, LocalDate heldOn, int participants) {
    }

    /** Every referral and session of these chantiers. */
    public Activity at(Collection<String> chantierIds) {
        List<Referral> referrals = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        if (!chantierIds.isEmpty()) {
            for (Document bucket : model.accompanimentRoster()
                    .find(Filters.in("_id", ReportingModel.activityBucketsOf(chantierIds)))
                    .projection(Projections.include("referrals", "sessions"))) {
                String bucketId = bucket.getString("_id");
                String chantierId = bucketId.substring(0, bucketId.lastIndexOf("#activity#"));
                Document r = bucket.get("referrals", Document.class);
                if (r != null) {
                    r.values().forEach(v -> referralOf(chantierId, (Document) v, referrals));
                }
                Document s = bucket.get("sessions", Document.class);
                if (s != null) {
                    s.values().forEach(v -> {
                        Document d = (Document) v;
                        sessions.add(new Session(chantierId, d.getString("kind"), LocalDate.parse(d.getString("heldOn")),
                                d.getInteger("participants", 0)));
                    });
                }
            }
        }
        return new Activity(List.copyOf(referrals), List.copyOf(sessions));
    }

    /** A status change read before its referral's sending (never, in partition order) has no date: left out. */
    private static void referralOf(String chantierId, Document d, List<Referral> into) {
        if (d.getString("sentOn") != null) {
            into.add(new Referral(chantierId, d.getString("partnerKind"), LocalDate.parse(d.getString("sentOn")),
                    d.getString("status")));
        }
    }

    /** The referrals and sessions read, from which each scope's figures are counted. */
    public record Activity(List<Referral> referrals, List<Session> sessions) {

        public AccompanimentActivity of(Set<String> chantierIds, Year year) {
            List<Referral> sent = referrals.stream()
                    .filter(r -> chantierIds.contains(r.chantierId()) && Year.from(r.sentOn()).equals(year)).toList();
            List<Session> held = sessions.stream()
                    .filter(s -> chantierIds.contains(s.chantierId()) && Year.from(s.heldOn()).equals(year)).toList();
            return new AccompanimentActivity(
                    new AccompanimentActivity.ReferralsByPartnerKind(outcomes(sent, "CPAM_CONTACT"),
                            outcomes(sent, "SOCIAL_LANDLORD"), outcomes(sent, "PSYCHOLOGIST"),
                            outcomes(sent, "HEALTH_CENTRE"), outcomes(sent, "EMPLOYER_HR"), outcomes(sent, "OTHER")),
                    new AccompanimentActivity.SessionsByKind(held(held, "FLASH_COACHING"), held(held, "SPEECH_GROUP"),
                            held(held, "INDIVIDUAL_PSYCHOLOGIST"), held(held, "MUSIC_THERAPY"),
                            held(held, "CONFERENCE_DEBATE"), held(held, "PRACTICE_ANALYSIS")));
        }

        private static AccompanimentActivity.Outcomes outcomes(List<Referral> sent, String partnerKind) {
            List<Referral> toKind = sent.stream().filter(r -> partnerKind.equals(r.partnerKind())).toList();
            return new AccompanimentActivity.Outcomes(toKind.size(), count(toKind, "COMPLETED"),
                    count(toKind, "DECLINED"), count(toKind, "CANCELLED"), count(toKind, "EXPIRED"));
        }

        private static int count(List<Referral> referrals, String status) {
            Predicate<Referral> has = r -> status.equals(r.status());
            return (int) referrals.stream().filter(has).count();
        }

        private static AccompanimentActivity.Held held(List<Session> held, String kind) {
            List<Session> ofKind = held.stream().filter(s -> kind.equals(s.kind())).toList();
            return new AccompanimentActivity.Held(ofKind.size(),
                    ofKind.stream().mapToInt(Session::participants).sum());
        }
    }
}
