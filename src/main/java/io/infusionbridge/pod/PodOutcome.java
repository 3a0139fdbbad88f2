package io.infusionbridge.pod;

import java.util.Locale;

/** What became of one input row, as the report says it. */
public enum PodOutcome {
    APPLIED, UNCHANGED, SUPERSEDED, NOT_FOUND, INVALID, FAILED,
    /** Read-only mode: the write the bridge would have made. */
    WOULD_APPLY;

    /** {@code not-found}: the word in the report. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
