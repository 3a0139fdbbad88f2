package io.infusionbridge.runtime;

import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes are files users edit: YAML and XML both load at run time, from routes/ or any folder. */
class RouteLoadingTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_routes_load_from_yaml_and_xml() throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start();
             BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data")).start()) {
            for (String id : new String[] {"sync-products", "sync-customers", "sync-customer-invoices", "sync-customer-contract-rates",
                    "sync-product-promotional-prices", "sync-discount-matrix-entries"}) {
                Route route = bridge.context().getRoute(id);
                assertThat(route).as(id).isNotNull();
                assertThat(route.getSourceLocation()).contains("routes/" + id + ".yaml");
            }
            assertThat(bridge.context().getRoute("mirror-summary").getSourceLocation()).contains("routes/mirror-summary.xml");
        }
    }

    @Test
    void a_users_own_yaml_and_xml_routes_load_from_another_folder_and_run() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("my-routes"));
        Path out = dir.resolve("out");
        Files.writeString(routes.resolve("hello.yaml"), """
                - route:
                    id: hello-yaml
                    from:
                      uri: timer:hello-yaml?repeatCount=1
                      steps:
                        - setBody:
                            constant: "from yaml"
                        - to: "file:{{bridge.data-dir}}/out?fileName=yaml.txt"
                """);
        Files.writeString(routes.resolve("hello.xml"), """
                <camel>
                    <route id="hello-xml">
                        <from uri="timer:hello-xml?repeatCount=1"/>
                        <setBody><constant>from xml</constant></setBody>
                        <to uri="file:{{bridge.data-dir}}/out?fileName=xml.txt"/>
                    </route>
                </camel>
                """);
        try (SandboxServer sandbox = new SandboxServer(0).start();
             BridgeRuntime bridge = new BridgeRuntime(TestBridge.against(sandbox, TestDatabases.h2(dir), dir).settings())
                     .start(RouteSource.resolve(routes))) {
            assertThat(bridge.context().getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder("hello-yaml", "hello-xml");
            Eventually.holds(Duration.ofSeconds(10), "both routes wrote their file",
                    () -> Files.exists(out.resolve("yaml.txt")) && Files.exists(out.resolve("xml.txt")));
            assertThat(Files.readString(out.resolve("yaml.txt"))).isEqualTo("from yaml");
            assertThat(Files.readString(out.resolve("xml.txt"))).isEqualTo("from xml");
        }
    }

    @Test
    void a_routes_folder_that_does_not_exist_is_a_clear_error() {
        Path missing = dir.resolve("nowhere");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteSource.resolve(missing))
                .isInstanceOf(SettingsException.class).hasMessage("routes folder " + missing + " does not exist");
    }
}
