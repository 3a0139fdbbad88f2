package io.infusionbridge.pod;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One carrier's file layout, read from {@code config/carriers/<name>.properties}: its columns, delimiter,
 * charset, time format and zone, status words, and the pattern that finds the invoice number in its
 * free-text reference.
 */
public record CarrierProfile(String name, char delimiter, Charset charset, String invoiceColumn, String consignmentColumn,
                             String statusColumn, String eventDateColumn, String eventTimeColumn, String signedByColumn,
                             DateTimeFormatter dateFormat, DateTimeFormatter timeFormat, ZoneId zone,
                             Map<String, PodStatus> statusWords, Pattern invoicePattern) {

    /** Builds a profile from its properties; a missing or bad entry is named with the profile. */
    public static CarrierProfile from(String name, Properties p) {
        String delimiter = p.getProperty("delimiter", ",");
        if (delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1) {
            throw bad(name, "delimiter", "must be one character, was '" + delimiter + "'");
        }
        Charset charset;
        try {
            charset = Charset.forName(p.getProperty("charset", "UTF-8"));
        } catch (RuntimeException e) {
            throw bad(name, "charset", "is not a known charset: " + p.getProperty("charset"));
        }
        String dateColumn = blankToNull(p.getProperty("column.event-date"));
        String timeColumn = required(name, p, "column.event-time");
        DateTimeFormatter dateFormat = dateColumn == null ? null : formatter(name, "event-date.format", required(name, p, "event-date.format"));
        DateTimeFormatter timeFormat = formatter(name, "event-time.format", p.getProperty("event-time.format", "ISO_OFFSET_DATE_TIME"));
        ZoneId zone;
        try {
            zone = ZoneId.of(p.getProperty("time-zone", "UTC"));
        } catch (RuntimeException e) {
            throw bad(name, "time-zone", "is not a time zone: " + p.getProperty("time-zone"));
        }
        Map<String, PodStatus> words = new LinkedHashMap<>();
        for (PodStatus status : PodStatus.values()) {
            String list = p.getProperty("status." + status.name(), "");
            for (String word : list.split(",")) {
                if (!word.isBlank()) {
                    words.put(normaliseWord(word), status);
                }
            }
        }
        if (words.isEmpty()) {
            throw bad(name, "status.*", "maps no status word; e.g. status.DELIVERED=Delivered");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(p.getProperty("invoice-pattern", "INV-\\d+"), Pattern.CASE_INSENSITIVE);
        } catch (RuntimeException e) {
            throw bad(name, "invoice-pattern", "is not a regular expression: " + e.getMessage());
        }
        return new CarrierProfile(name, delimiter.charAt(0), charset, required(name, p, "column.invoice"),
                required(name, p, "column.consignment"), required(name, p, "column.status"), dateColumn, timeColumn,
                blankToNull(p.getProperty("column.signed-by")), dateFormat, timeFormat, zone, Map.copyOf(words), pattern);
    }

    /** The carrier's status word in the bridge's vocabulary, or null; case and spacing are ignored. */
    public PodStatus status(String word) {
        return word == null ? null : statusWords.get(normaliseWord(word));
    }

    /** The columns a file must have. */
    public java.util.List<String> requiredColumns() {
        java.util.List<String> columns = new java.util.ArrayList<>(java.util.List.of(invoiceColumn, consignmentColumn, statusColumn, eventTimeColumn));
        if (eventDateColumn != null) {
            columns.add(eventDateColumn);
        }
        return columns;
    }

    static String normaliseWord(String word) {
        return word.strip().replaceAll("[\\s\\u00a0]+", " ").toLowerCase(Locale.ROOT);
    }

    private static DateTimeFormatter formatter(String name, String key, String value) {
        if (value.equals("ISO_OFFSET_DATE_TIME")) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        }
        try {
            return DateTimeFormatter.ofPattern(value, Locale.ROOT);
        } catch (RuntimeException e) {
            throw bad(name, key, "is not a date/time pattern: " + value);
        }
    }

    private static String required(String name, Properties p, String key) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            throw bad(name, key, "is missing");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static IllegalArgumentException bad(String name, String key, String problem) {
        return new IllegalArgumentException("carrier profile " + name + ": " + key + " " + problem);
    }
}
