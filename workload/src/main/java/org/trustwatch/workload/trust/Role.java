package org.trustwatch.workload.trust;

import java.util.Locale;

/** The directory roles of reference-data.md. */
public enum Role {
    STAFF,
    PUPIL,
    ICT,
    VISITOR,
    CONTRACTOR,
    GOVERNOR;

    /** As directory.csv and devices.csv spell it. */
    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }
}
