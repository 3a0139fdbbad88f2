package io.infusionbridge.infusion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's text rules, and the repairs the bridge may make on its own. */
class TextFieldRulesTest {

    @Test
    void each_rule_is_detected() {
        assertThat(TextFieldRules.violations("Front desk")).isEmpty();
        assertThat(TextFieldRules.violations("Front  desk")).containsExactly("DOUBLE_SPACE");
        assertThat(TextFieldRules.violations("a\tb")).containsExactly("TAB");
        assertThat(TextFieldRules.violations("a\nb")).containsExactly("NEW_LINE");
        assertThat(TextFieldRules.violations("a\fb")).containsExactly("FORM_FEED");
        assertThat(TextFieldRules.violations("a\rb")).containsExactly("CARRIAGE_RETURN");
        assertThat(TextFieldRules.violations("a\u0007b")).containsExactly("CONTROL_CHARACTER");
        assertThat(TextFieldRules.violations("A\u00a0Ngata")).containsExactly("UNICODE_SPACE");
        assertThat(TextFieldRules.violations("a\u2007b\u202fc\u3000d")).containsExactly("UNICODE_SPACE");
        assertThat(TextFieldRules.violations(" lead")).containsExactly("LEADING_SPACE");
        assertThat(TextFieldRules.violations("trail ")).containsExactly("TRAILING_SPACE");
    }

    @Test
    void normalising_repairs_what_is_safe_and_says_what_it_repaired() {
        TextFieldRules.Normalised n = TextFieldRules.normalise("  Front\u00a0 desk\t\u0007 ");
        assertThat(n.text()).isEqualTo("Front desk");
        assertThat(n.repaired()).contains("UNICODE_SPACE", "TAB", "CONTROL_CHARACTER", "LEADING_SPACE", "TRAILING_SPACE");
        assertThat(TextFieldRules.violations(n.text())).isEmpty();
        assertThat(TextFieldRules.normalise("CB-55001").changed()).isFalse();
    }
}
