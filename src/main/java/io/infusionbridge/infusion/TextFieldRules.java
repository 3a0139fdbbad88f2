package io.infusionbridge.infusion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Infusion's rules for every string written through the API, and the safe repairs for breaking them. */
public final class TextFieldRules {

    public static final String DOUBLE_SPACE = "DOUBLE_SPACE";
    public static final String TAB = "TAB";
    public static final String NEW_LINE = "NEW_LINE";
    public static final String FORM_FEED = "FORM_FEED";
    public static final String CARRIAGE_RETURN = "CARRIAGE_RETURN";
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
    public static final String UNICODE_SPACE = "UNICODE_SPACE";
    public static final String LEADING_SPACE = "LEADING_SPACE";
    public static final String TRAILING_SPACE = "TRAILING_SPACE";

    /** A repaired text and the rules the original broke. */
    public record Normalised(String text, List<String> repaired) {
        public boolean changed() {
            return !repaired.isEmpty();
        }
    }

    private TextFieldRules() {
    }

    /** The rules {@code text} breaks, in the contract's order; empty when it may be written as it is. */
    public static List<String> violations(String text) {
        Set<String> broken = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                broken.add(DOUBLE_SPACE);
            } else if (c == '\t') {
                broken.add(TAB);
            } else if (c == '\n') {
                broken.add(NEW_LINE);
            } else if (c == '\f') {
                broken.add(FORM_FEED);
            } else if (c == '\r') {
                broken.add(CARRIAGE_RETURN);
            } else if (Character.getType(c) == Character.CONTROL) {
                broken.add(CONTROL_CHARACTER);
            } else if (c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR) {
                broken.add(UNICODE_SPACE);
            }
        }
        if (text.startsWith(" ")) {
            broken.add(LEADING_SPACE);
        }
        if (text.endsWith(" ")) {
            broken.add(TRAILING_SPACE);
        }
        return new ArrayList<>(broken);
    }

    /**
     * Repairs what can be repaired without changing meaning: other spaces and whitespace controls become a
     * plain space, other control characters are dropped, runs of spaces collapse, the ends are trimmed.
     */
    public static Normalised normalise(String text) {
        List<String> broken = violations(text);
        if (broken.isEmpty()) {
            return new Normalised(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
                    || Character.getType(c) == Character.SPACE_SEPARATOR;
            if (space) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (Character.getType(c) != Character.CONTROL) {
                out.append(c);
            }
        }
        return new Normalised(out.toString().strip(), broken);
    }
}
