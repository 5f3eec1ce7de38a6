package org.pledgegraph.validate;

import org.pledgegraph.UserException;

/** Data refused by validation; carries the whole report, and its message is the report as text. */
public final class Refused extends UserException {
    private final Report report;

    public Refused(Report report) {
        super(report.text());
        this.report = report;
    }

    public Report report() {
        return report;
    }
}
