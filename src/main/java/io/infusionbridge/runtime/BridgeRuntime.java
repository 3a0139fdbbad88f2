package io.infusionbridge.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.InfusionContract;
import io.infusionbridge.infusion.InfusionCredentials;
import io.infusionbridge.infusion.InfusionHealthCheck;
import io.infusionbridge.infusion.Secrets;
import io.infusionbridge.infusion.SessionKeepAlive;
import io.infusionbridge.infusion.SessionTokens;
import io.infusionbridge.export.SyncExports;
import io.infusionbridge.notify.Alerts;
import io.infusionbridge.notify.DeliveredDigest;
import io.infusionbridge.notify.WebhookAuth;
import io.infusionbridge.sync.SyncTrigger;
import org.apache.camel.health.HealthCheckRegistry;
import io.infusionbridge.infusion.component.InfusionComponent;
import io.infusionbridge.infusion.component.InfusionSyncComponent;
import io.infusionbridge.pod.CarrierProfiles;
import io.infusionbridge.pod.CarrierRowMapper;
import io.infusionbridge.pod.DeliveryStatusPrecedence;
import io.infusionbridge.pod.InvoiceMatcher;
import io.infusionbridge.pod.InvoiceWriter;
import io.infusionbridge.pod.PodCoalescer;
import io.infusionbridge.pod.PodFileOpener;
import io.infusionbridge.pod.PodInboxFilter;
import io.infusionbridge.pod.PodLedger;
import io.infusionbridge.pod.PodPlanner;
import io.infusionbridge.pod.PodReport;
import io.infusionbridge.sync.MirrorDatabase;
import io.infusionbridge.sync.MirrorStore;
import io.infusionbridge.sync.SyncReconciler;
import io.infusionbridge.infusion.error.InfusionException;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The bridge assembled: the mirror database, the Infusion client and components, and Camel main running the
 * route files. Everything a command needs, and nothing a route could say for itself.
 */
public final class BridgeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);

    private final BridgeSettings settings;
    private final InfusionContract contract;
    private HikariDataSource dataSource;
    private MirrorStore store;
    private InfusionClient client;
    private Main main;
    private PodReport podReport;
    private SessionTokens tokens;
    private org.apache.camel.ProducerTemplate producer;

    public BridgeRuntime(BridgeSettings settings) {
        this.settings = settings;
        this.contract = settings.contract();
    }

    /** Opens the mirror (migrating its schema) and the client; enough for commands that run no routes. */
    public BridgeRuntime open() throws IOException, SQLException {
        Files.createDirectories(settings.dataDir());
        dataSource = MirrorDatabase.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), settings.dbSchema(),
                settings.dbConnectionTimeout());
        store = new MirrorStore(dataSource, contract);
        tokens = new SessionTokens(new InfusionCredentials(settings.licenseUuid(), settings.sessionUuid()), settings.secretsFile()).watch(2);
        client = new InfusionClient(settings.baseUrl(), tokens, contract, settings.apiLimits());
        LOG.info("Infusion at {} with licence {} and session {}; mirror at {}", settings.baseUrl(),
                Secrets.mask(tokens.get().licenseUuid()), Secrets.mask(tokens.get().sessionUuid()), describeDb());
        return this;
    }

    /** Opens, recovers pages a crash may have lost, and starts the routes found by {@code routes}. */
    public BridgeRuntime start(RouteSource routes) throws Exception {
        if (client == null) {
            open();
        }
        recoverLostPages();
        main = new Main();
        // The commands own shutdown (Ctrl-C closes the runtime), so Camel's own hang-up hook stays out.
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.configure().withName("infusion-bridge").withRoutesIncludePattern(routes.includePattern());
        main.setOverrideProperties(settings.properties());
        main.bind("infusionClient", client);
        main.bind("mirrorStore", store);
        main.bind("mirrorDataSource", dataSource);
        main.bind("infusion-sync", new InfusionSyncComponent(client, store));
        main.bind("infusion", new InfusionComponent(client));
        main.bind("syncTrigger", new SyncTrigger(this::context));
        main.bind("webhookAuth", new WebhookAuth(settings.webhookAuthHeader(), settings.webhookSecret()));
        main.bind("sessionKeepAlive", new SessionKeepAlive(client, settings.keepAliveDays(), new BridgeState(dataSource), java.time.Clock.systemUTC()));
        Alerts alerts = new Alerts(this::producer, settings.mailEnabled(), settings.alertQuietPeriod(),
                settings.syncFailingAlertAfter(), java.time.Clock.systemUTC());
        client.onRefusal(alerts::infusionRefused);
        main.bind("alerts", alerts);
        main.bind("deliveredDigest", new DeliveredDigest(dataSource, settings.digestZone()));
        main.bind("syncExports", new SyncExports(settings.exportsDir(), store, settings.snapshotColumns(), settings.exportRetention()));
        bindPodWriteback();
        LOG.info("Starting routes from {} with settings from {}", routes.description(), settings.source());
        main.start();
        HealthCheckRegistry health = HealthCheckRegistry.get(main.getCamelContext());
        if (health != null) {
            health.register(new InfusionHealthCheck(client, tokens.whereToPutIt()));
        }
        if (settings.readOnly()) {
            LOG.warn("Read-only mode (bridge.read-only=true): POD files are processed and reported, nothing is written to Infusion");
        }
        return this;
    }

    /** The building blocks routes/pod-writeback.yaml names, one job each. */
    private void bindPodWriteback() throws IOException {
        PodLedger ledger = new PodLedger(store);
        PodPlanner planner = new PodPlanner(ledger, new DeliveryStatusPrecedence(settings.podStatusCodes(), settings.podDeliveredIsFinal()));
        podReport = new PodReport(settings.dataDir().resolve("reports"), ledger);
        CarrierProfiles profiles = CarrierProfiles.load(settings.podProfilesDir());
        main.bind("podFileOpener", new PodFileOpener(profiles));
        main.bind("carrierRowMapper", new CarrierRowMapper(settings.podTextPolicy()));
        main.bind("podCoalescer", new PodCoalescer());
        main.bind("podInboxFilter", new PodInboxFilter());
        main.bind("mirrorUnreachable", new io.infusionbridge.sync.MirrorUnreachable());
        main.bind("invoiceMatcher", new InvoiceMatcher(store, client, new SyncReconciler(client, store, settings.syncPageSize())));
        main.bind("podPlanner", planner);
        main.bind("invoiceWriter", new InvoiceWriter(client, store, ledger, planner, settings.readOnly()));
        main.bind("podReport", podReport);
        for (String folder : new String[] {"inbox/pod", "processed", "failed", "reports"}) {
            Files.createDirectories(settings.dataDir().resolve(folder));
        }
        // One inbox folder per carrier profile, so a user sees where each carrier's files go.
        for (String profile : profiles.names()) {
            Files.createDirectories(settings.dataDir().resolve("inbox/pod").resolve(profile));
        }
    }

    /** The POD report writer, for summaries of the files processed since start. */
    public PodReport podReport() {
        return podReport;
    }

    /** Pages asked for but never stored (a crash between Infusion's answer and the commit) are recovered by a resync. */
    private void recoverLostPages() throws SQLException {
        for (EntityType type : store.entitiesWithLostPages()) {
            LOG.warn("{}: the last sync page was asked for but never stored (the bridge stopped in between); resyncing to recover it", type);
            try {
                new SyncReconciler(client, store, settings.syncPageSize()).reconcile(type);
            } catch (InfusionException e) {
                LOG.warn("{}: resync failed, will try again on the next start: {}", type, e.getMessage());
            }
        }
    }

    /** One producer template for the beans that send into routes. */
    private synchronized org.apache.camel.ProducerTemplate producer() {
        if (producer == null) {
            producer = context().createProducerTemplate();
        }
        return producer;
    }

    public IdleMonitor.Result awaitIdle(Duration max) throws InterruptedException {
        return new IdleMonitor(context()).await(max);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public MirrorStore store() {
        return store;
    }

    public InfusionClient client() {
        return client;
    }

    public BridgeSettings settings() {
        return settings;
    }

    private String describeDb() {
        String url = settings.dbUrl();
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        int cut = semicolon > 0 ? semicolon : question > 0 ? question : url.length();
        return url.substring(0, cut) + (settings.dbSchema().isEmpty() ? "" : " schema " + settings.dbSchema());
    }

    @Override
    public void close() {
        if (main != null) {
            try {
                main.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping routes: {}", e.getMessage());
            }
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }
}
