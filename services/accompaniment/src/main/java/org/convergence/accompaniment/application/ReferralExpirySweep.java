package org.convergence.accompaniment.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.accompaniment.domain.PartnerMessages.ExpireReferralCommand;
import org.convergence.accompaniment.domain.ReferralExpiry;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.time.BusinessDates;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * Expires the referrals left unanswered past their deadline. Every {@code sweep-every} it reads the deadlines due
 * by today ({@link ReferralDeadlines}, stored in the database: a restart loses none) and sends each an
 * {@link ExpireReferralCommand}, which the partner's inbox applies at most once. A deadline is dropped from the
 * list only after its command succeeded; one that failed is tried again at the next sweep. Two replicas sweeping
 * at once meet at the inbox stream: one expires the referral, the other finds it no longer open.
 */
@ApplicationScoped
public class ReferralExpirySweep {

    static final String ACTOR = "referral-expiry";
    private static final Logger LOG = Logger.getLogger(ReferralExpirySweep.class);

    private final ReferralDeadlines deadlines;
    private final Commands commands;

    public ReferralExpirySweep(ReferralDeadlines deadlines, Commands commands) {
        this.deadlines = deadlines;
        this.commands = commands;
    }

    @Scheduled(every = "${accompaniment.referral-expiry.sweep-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(BusinessDates.today());
    }

    /** Sends the expiry of every referral due by {@code today}; returns how many became {@code EXPIRED}. */
    public int sweep(LocalDate today) {
        int expired = 0;
        boolean allSettled = true;
        for (ReferralDeadlines.Due due : deadlines.dueBy(today)) {
            try {
                ReferralExpiry.Outcome outcome = RecordedBy.as(ACTOR, () -> commands.send(
                        new ExpireReferralCommand(due.territoryId(), due.partnerId(), due.referralId())));
                if (outcome == ReferralExpiry.Outcome.NOT_DUE) {
                    deadlines.postpone(due, today.plusDays(1), today);
                } else {
                    expired += outcome == ReferralExpiry.Outcome.EXPIRED ? 1 : 0;
                    deadlines.done(due);
                }
            } catch (NotFoundException unknown) {
                deadlines.done(due);
            } catch (RuntimeException failure) {
                allSettled = false;
                LOG.warnf("Referral %s of %s/%s not expired this time (tried again at the next sweep): %s",
                        due.referralId(), due.territoryId(), due.partnerId(), failure.toString());
            }
        }
        if (allSettled) {
            deadlines.sweptUpTo(today);
        }
        return expired;
    }
}
