package org.convergence.reporting.published;

/** A year's report is published once: what is published never changes (ADR 0019). */
public class ReportAlreadyPublishedException extends RuntimeException {

    private final PublishedReports.Manifest existing;

    public ReportAlreadyPublishedException(PublishedReports.Manifest existing) {
        super("The report of " + existing.year() + " was published on " + existing.asOf()
                + "; a published report never changes");
        this.existing = existing;
    }

    public PublishedReports.Manifest existing() {
        return existing;
    }
}
