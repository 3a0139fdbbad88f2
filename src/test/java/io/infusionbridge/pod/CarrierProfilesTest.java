package io.infusionbridge.pod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A carrier profile a user writes is read as they meant it, or refused with a line saying what to fix. */
class CarrierProfilesTest {

    @TempDir
    Path carriers;

    private void write(String name, String... lines) throws Exception {
        Files.writeString(carriers.resolve(name + ".properties"), String.join("\n", lines) + "\n");
    }

    private static final String[] COLUMNS = {"column.invoice=ref", "column.consignment=con", "column.status=st", "column.event-time=at",
            "status.DELIVERED=Delivered"};

    @Test
    void a_single_backslash_in_the_invoice_pattern_is_refused_with_the_fix() throws Exception {
        write("courier-d", COLUMNS);
        Files.writeString(carriers.resolve("courier-d.properties"), "invoice-pattern=INV-\\d{6}\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> CarrierProfiles.load(carriers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier profile courier-d: invoice-pattern has a single backslash")
                .hasMessageContaining("invoice-pattern=INV-\\\\d{6}");
    }

    @Test
    void a_doubled_backslash_makes_the_pattern_the_user_meant() throws Exception {
        write("courier-d", COLUMNS);
        Files.writeString(carriers.resolve("courier-d.properties"), "invoice-pattern=INV-\\\\d{6}\n", java.nio.file.StandardOpenOption.APPEND);
        CarrierProfile profile = CarrierProfiles.load(carriers).get("courier-d");
        assertThat(profile.invoicePattern().pattern()).isEqualTo("INV-\\d{6}");
        assertThat(profile.invoicePattern().matcher("order inv-100080 / depot").find()).isTrue();
    }

    @Test
    void a_profile_without_a_required_column_is_named_with_the_column() throws Exception {
        write("courier-e", "column.invoice=ref", "column.status=st", "column.event-time=at", "status.DELIVERED=Delivered");
        assertThatThrownBy(() -> CarrierProfiles.load(carriers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier profile courier-e").hasMessageContaining("column.consignment");
    }
}
