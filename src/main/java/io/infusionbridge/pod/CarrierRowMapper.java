package io.infusionbridge.pod;

import io.infusionbridge.infusion.TextFieldRules;
import org.apache.camel.ExchangeProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** Maps a carrier's row to a {@link PodEvent} and validates it: the reference, consignment, status and time. */
public class CarrierRowMapper {

    /** What to do with text that breaks Infusion's text rules. */
    public enum TextPolicy { NORMALISE, REJECT }

    public static final int COURIER_REFERENCE_LIMIT = 50;

    private final TextPolicy textPolicy;

    public CarrierRowMapper(TextPolicy textPolicy) {
        this.textPolicy = textPolicy;
    }

    public PodEvent map(PodRow row, @ExchangeProperty(PodFileOpener.PROFILE) CarrierProfile profile) {
        String reference = row.reference() == null ? "" : row.reference().strip();
        if (reference.isEmpty()) {
            return PodEvent.invalid(row, "no invoice reference in column " + profile.invoiceColumn());
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = profile.invoicePattern().matcher(reference);
        while (m.find()) {
            numbers.add(m.group().toUpperCase(Locale.ROOT));
        }
        if (numbers.isEmpty()) {
            return PodEvent.invalid(row, "no invoice number in reference \"" + reference + "\" (pattern " + profile.invoicePattern().pattern() + ")");
        }
        if (numbers.size() > 1) {
            return PodEvent.invalid(row, "several invoice numbers in reference \"" + reference + "\" (" + String.join(", ", numbers)
                    + "); the bridge does not guess which one");
        }
        String invoice = numbers.iterator().next();
        String consignment = row.consignment() == null ? "" : row.consignment();
        String note = null;
        TextFieldRules.Normalised normalised = TextFieldRules.normalise(consignment);
        if (normalised.changed()) {
            if (textPolicy == TextPolicy.REJECT) {
                return invalid(row, invoice, "consignment \"" + consignment + "\" breaks Infusion's text rules ("
                        + String.join(", ", normalised.repaired()) + ")");
            }
            note = "consignment repaired for Infusion's text rules (" + String.join(", ", normalised.repaired()) + ")";
            consignment = normalised.text();
        }
        if (consignment.isEmpty()) {
            return invalid(row, invoice, "no consignment number in column " + profile.consignmentColumn());
        }
        if (consignment.length() > COURIER_REFERENCE_LIMIT) {
            return invalid(row, invoice, "consignment number of " + consignment.length() + " characters is longer than Infusion's "
                    + COURIER_REFERENCE_LIMIT + "-character courier reference");
        }
        PodStatus status = profile.status(row.status());
        if (status == null) {
            return invalid(row, invoice, "unknown status \"" + (row.status() == null ? "" : row.status().strip())
                    + "\" for carrier profile " + profile.name() + " (map it with status.<STATUS>= in the profile)");
        }
        Instant time;
        try {
            time = eventTime(row, profile);
        } catch (DateTimeParseException e) {
            String given = (row.eventDate() == null ? "" : row.eventDate() + " ") + (row.eventTime() == null ? "" : row.eventTime());
            return invalid(row, invoice, "event time \"" + given.strip() + "\" is not in carrier profile " + profile.name() + "'s format");
        }
        String signedBy = row.signedBy() == null ? null : TextFieldRules.normalise(row.signedBy()).text();
        return new PodEvent(row.number(), invoice, consignment, status, row.status(), time,
                signedBy == null || signedBy.isEmpty() ? null : signedBy, note, null);
    }

    private static PodEvent invalid(PodRow row, String invoice, String problem) {
        return new PodEvent(row.number(), invoice, row.consignment(), null, row.status(), null, null, null, problem);
    }

    private static Instant eventTime(PodRow row, CarrierProfile profile) {
        String time = row.eventTime() == null ? "" : row.eventTime().strip();
        if (profile.eventDateColumn() != null) {
            LocalDate date = LocalDate.parse(row.eventDate() == null ? "" : row.eventDate().strip(), profile.dateFormat());
            return LocalDateTime.of(date, LocalTime.parse(time, profile.timeFormat())).atZone(profile.zone()).toInstant();
        }
        TemporalAccessor parsed = profile.timeFormat().parse(time);
        if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            return ZonedDateTime.from(parsed).toInstant();
        }
        return LocalDateTime.from(parsed).atZone(profile.zone()).toInstant();
    }
}
