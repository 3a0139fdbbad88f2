package io.infusionbridge.notify;

import io.infusionbridge.infusion.component.InfusionSyncConsumer;
import io.infusionbridge.infusion.error.InfusionException;
import io.infusionbridge.infusion.error.InfusionNotAuthorisedException;
import io.infusionbridge.infusion.error.InfusionSessionInvalidException;
import io.infusionbridge.pod.PodSummary;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Alert mails, each saying what happened and what to do. No storms: at most one mail per kind of alert
 * per quiet period; the next one says how many were held back.
 */
public class Alerts {

    /** The kinds of alert; each has its own quiet period clock. */
    public enum Kind { FILE_FAILED, ROWS_NOT_APPLIED, SESSION_INVALID, PERMISSION_MISSING, SYNC_FAILING }

    public static final String ENDPOINT = "direct:alert-mail";
    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private record Held(Instant lastSent, int heldBack, Instant firstHeld) {
    }

    private final Supplier<ProducerTemplate> template;
    private final boolean enabled;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Map<Kind, Held> state = new HashMap<>();
    private final Duration syncFailingAfter;

    public Alerts(Supplier<ProducerTemplate> template, boolean enabled, Duration quietPeriod, Duration syncFailingAfter, Clock clock) {
        this.template = template;
        this.enabled = enabled;
        this.quietPeriod = quietPeriod;
        this.syncFailingAfter = syncFailingAfter;
        this.clock = clock;
    }

    /** A carrier file could not be read at all and was moved to failed/. */
    public void fileFailed(PodSummary summary) {
        send(Kind.FILE_FAILED, "Carrier file moved to failed/: " + summary.fileName(),
                "The carrier file " + summary.fileName() + " could not be read, so none of its rows was applied: "
                        + summary.rejection() + ". It was moved to failed/; the report is reports/" + summary.report().getFileName() + ".",
                "Fix the file (or its carrier profile in config/carriers/) and drop it into its inbox folder again.");
    }

    /** Rows of a file that were not applied: one mail per file, listing them. */
    public void rowsNotApplied(PodSummary summary) throws IOException {
        if (summary == null || summary.rejection() != null) {
            return;
        }
        List<String> rows = new ArrayList<>();
        int total = 0;
        try (Reader in = Files.newBufferedReader(summary.report(), StandardCharsets.UTF_8);
             CSVParser report = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : report) {
                String outcome = row.get("outcome");
                if (outcome.equals("not-found") || outcome.equals("invalid") || outcome.equals("failed")) {
                    total++;
                    if (rows.size() < 50) {
                        rows.add("row " + row.get("row") + " (" + row.get("invoice") + ", " + row.get("consignment") + "): "
                                + outcome + ": " + row.get("reason"));
                    }
                }
            }
        }
        if (total == 0) {
            return;
        }
        send(Kind.ROWS_NOT_APPLIED, total + " row(s) of " + summary.fileName() + " not applied",
                total + " of the " + summary.rows() + " rows of " + summary.fileName() + " (" + summary.profile() + ") were not applied:\n"
                        + String.join("\n", rows) + (total > rows.size() ? "\n... and " + (total - rows.size()) + " more" : "")
                        + "\nThe full report is reports/" + summary.report().getFileName() + ".",
                "Check the invoice numbers and rows listed with the carrier; correct them in Infusion or in the file and drop"
                        + " the corrected rows in again. Rows already applied are never applied twice.");
    }

    /** Infusion refused the session or a permission: all, or some, Infusion work has stopped. */
    public void infusionRefused(InfusionException refusal) {
        if (refusal instanceof InfusionSessionInvalidException) {
            send(Kind.SESSION_INVALID, "Infusion refused the session: all Infusion work is paused", refusal.getMessage(),
                    "Generate a session ID for the External API user in Infusion and put it where the message says."
                            + " The bridge resumes on its own; nothing waiting is lost.");
        } else if (refusal instanceof InfusionNotAuthorisedException) {
            send(Kind.PERMISSION_MISSING, "Infusion: a permission is missing for " + refusal.operation(), refusal.getMessage(),
                    "In Infusion, give the External API user a role that allows this. The work that needs it waits; the rest goes on.");
        }
    }

    /** Sync rounds of an entity failing for longer than {@code after}: one alert per entity and kind's quiet period. */
    /** The route's entry: the check against the route's own context. */
    public void watchSyncRounds(Exchange exchange) {
        checkSyncRounds(exchange.getContext());
    }

    public void checkSyncRounds(CamelContext context) {
        Instant now = clock.instant();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof InfusionSyncConsumer sync && sync.getFailingSince() != null
                    && Duration.between(sync.getFailingSince(), now).compareTo(syncFailingAfter) >= 0) {
                send(Kind.SYNC_FAILING, "Sync of " + sync.getEntity() + " failing since " + sync.getFailingSince(),
                        "Every sync round of " + sync.getEntity() + " (route " + route.getRouteId() + ") has failed since "
                                + sync.getFailingSince() + ". The last error: " + sync.getLastRoundError(),
                        "Check that Infusion is reachable and the API user may read " + sync.getEntity()
                                + "; the mirror catches up on its own once a round succeeds.");
            }
        }
    }

    /** Sends an alert unless one of its kind went out within the quiet period; answers whether it was sent. */
    public boolean send(Kind kind, String subject, String whatHappened, String whatToDo) {
        if (!enabled) {
            return false;
        }
        String heldNote;
        synchronized (state) {
            Instant now = clock.instant();
            Held held = state.get(kind);
            if (held != null && held.lastSent() != null && Duration.between(held.lastSent(), now).compareTo(quietPeriod) < 0) {
                state.put(kind, new Held(held.lastSent(), held.heldBack() + 1, held.firstHeld() == null ? now : held.firstHeld()));
                LOG.info("alert '{}' held back ({} of this kind within {} min)", subject, held.heldBack() + 1, quietPeriod.toMinutes());
                return false;
            }
            heldNote = held == null || held.heldBack() == 0 ? ""
                    : "\n\n" + held.heldBack() + " more alert(s) of this kind were held back since " + held.firstHeld()
                    + " (at most one mail per " + quietPeriod.toMinutes() + " minutes per kind).";
            state.put(kind, new Held(now, 0, null));
        }
        String body = "What happened:\n" + whatHappened + "\n\nWhat to do:\n" + whatToDo + heldNote
                + "\n\n-- Infusion Bridge";
        try {
            template.get().sendBodyAndHeaders(ENDPOINT, body, Map.of("Subject", "[Infusion Bridge] " + subject, "X-Bridge-Alert", kind.name()));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not send the alert '{}': {}", subject, e.getMessage());
            return false;
        }
    }
}
