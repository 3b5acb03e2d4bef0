package org.convergence.accompaniment.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.convergence.accompaniment.domain.AccompaniedPrograms;
import org.convergence.accompaniment.domain.Accompaniment;
import org.convergence.accompaniment.domain.PartnerDirectory;
import org.convergence.accompaniment.domain.PartnerReferrals;
import org.convergence.accompaniment.domain.ReferralExpiry;
import org.convergence.accompaniment.domain.SupportSessions;
import org.convergence.platform.axon.CreateIfMissingRepository;
import org.convergence.platform.axon.AxonModule;
import org.convergence.platform.time.BusinessDates;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Set;

/**
 * The aggregate of the accompaniment context, and what its handlers may take besides the command: the programs
 * that are accompanied (configuration) and the business clock (today in Paris).
 */
@ApplicationScoped
public class AccompanimentAxonModule implements AxonModule {

    private final AccompaniedPrograms programs;
    private final ReferralExpiry expiry;

    public AccompanimentAxonModule(@ConfigProperty(name = "accompaniment.programs") Set<String> programs,
                                   ReferralExpiry expiry) {
        this.programs = new AccompaniedPrograms(programs);
        this.expiry = expiry;
    }

    /** How long a partner has to answer a referral, from configuration (default in application.properties). */
    @Produces
    @Singleton
    static ReferralExpiry referralExpiry(
            @ConfigProperty(name = "accompaniment.referral-expiry.unanswered-days") int unansweredDays) {
        return new ReferralExpiry(unansweredDays);
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(AccompaniedPrograms.class, c -> programs)
                .registerComponent(ReferralExpiry.class, c -> expiry)
                .registerComponent(Clock.class, c -> Clock.system(BusinessDates.ZONE))
                .configureAggregate(CreateIfMissingRepository.configuration(Accompaniment.class))
                .configureAggregate(CreateIfMissingRepository.configuration(PartnerDirectory.class))
                .configureAggregate(CreateIfMissingRepository.configuration(PartnerReferrals.class))
                .configureAggregate(CreateIfMissingRepository.configuration(SupportSessions.class));
    }
}
