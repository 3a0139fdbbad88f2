package io.infusionbridge.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings: from the file, overridden by the environment, and a missing or bad one named in one line. */
class BridgeSettingsTest {

    private static final String LICENCE = "abcdef01-2345-4678-9abc-def012345678";
    private static final String SESSION = "12345678-9abc-4def-8123-456789abcdef";

    @TempDir
    Path dir;

    private Map<String, String> tokens() {
        Map<String, String> env = new HashMap<>();
        env.put("INFUSION_LICENSE_UUID", LICENCE);
        env.put("INFUSION_SESSION_UUID", SESSION);
        return env;
    }

    @Test
    void environment_variables_override_the_file() {
        Map<String, String> env = tokens();
        env.put("INFUSION_BASE_URL", "https://acme.infusion.example/api");
        env.put("BRIDGE_DATA_DIR", "/srv/bridge");
        env.put("BRIDGE_DB_URL", "jdbc:postgresql://db:5432/bridge");
        env.put("BRIDGE_SYNC_PAGE_SIZE", "250");
        BridgeSettings settings = BridgeSettings.load(null, env, Map.of());
        assertThat(settings.baseUrl()).hasToString("https://acme.infusion.example/api");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/bridge"));
        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/bridge");
        assertThat(settings.syncPageSize()).isEqualTo(250);
        assertThat(settings.sessionUuid()).isEqualTo(SESSION);
    }

    @Test
    void the_default_mirror_is_h2_under_the_data_dir() {
        Map<String, String> env = tokens();
        env.put("BRIDGE_DATA_DIR", dir.toString());
        BridgeSettings settings = BridgeSettings.load(null, env, Map.of());
        assertThat(settings.dbUrl()).startsWith("jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath());
    }

    @Test
    void a_missing_token_stops_start_up_with_one_line_naming_it() {
        Map<String, String> env = tokens();
        env.remove("INFUSION_SESSION_UUID");
        assertThatThrownBy(() -> BridgeSettings.load(null, env, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting infusion.session-uuid (env INFUSION_SESSION_UUID) is missing")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_malformed_token_is_named_but_never_shown() {
        Map<String, String> env = tokens();
        env.put("INFUSION_SESSION_UUID", "not-a-uuid-secret-value");
        assertThatThrownBy(() -> BridgeSettings.load(null, env, Map.of()))
                .hasMessage("setting infusion.session-uuid (env INFUSION_SESSION_UUID) is not a UUID (expected 8-4-4-4-12 hex digits)");
    }

    @Test
    void malformed_values_are_named_with_what_was_given() {
        Map<String, String> env = tokens();
        env.put("BRIDGE_SYNC_PAGE_SIZE", "5000");
        assertThatThrownBy(() -> BridgeSettings.load(null, env, Map.of()))
                .hasMessage("setting bridge.sync.page-size (env BRIDGE_SYNC_PAGE_SIZE) must be a whole number from 1 to 1000, was '5000'");
        Map<String, String> env2 = tokens();
        env2.put("INFUSION_BASE_URL", "ftp://nowhere");
        assertThatThrownBy(() -> BridgeSettings.load(null, env2, Map.of())).hasMessageContaining("INFUSION_BASE_URL").hasMessageContaining("http(s) URL");
        Map<String, String> env3 = tokens();
        env3.put("INFUSION_RETRY_MAX_BACKOFF", "soon");
        assertThatThrownBy(() -> BridgeSettings.load(null, env3, Map.of())).hasMessageContaining("INFUSION_RETRY_MAX_BACKOFF").hasMessageContaining("'soon'");
    }

    @Test
    void contract_names_are_overridden_from_the_config_file_and_unknown_ones_refused() throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "infusion.contract.header.session=X-Session-Id\ninfusion.contract.path.customerInvoices=/v2/invoices\n");
        BridgeSettings settings = BridgeSettings.load(config, tokens(), Map.of());
        assertThat(settings.contract().header("session")).isEqualTo("X-Session-Id");
        assertThat(settings.contract().syncPath(io.infusionbridge.infusion.EntityType.CUSTOMER_INVOICES)).isEqualTo("/sync/v2/invoices");
        assertThat(settings.contract().header("license")).isEqualTo("licenseUuid");

        Files.writeString(config, "infusion.contract.header.sesion=X\n");
        assertThatThrownBy(() -> BridgeSettings.load(config, tokens(), Map.of()))
                .hasMessageStartingWith("setting infusion.contract.header.sesion is not part of the contract");
    }

    @Test
    void a_config_file_given_but_absent_is_an_error() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> BridgeSettings.load(missing, tokens(), Map.of())).hasMessage("settings file " + missing + " does not exist");
    }
}
