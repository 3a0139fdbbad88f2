package io.infusionbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.infusion.SyncPage;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.IdleMonitor;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.MirrorRow;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync suite: the project's own sync routes against the sandbox over HTTP, into a real database.
 * Runs once per database (H2 and PostgreSQL) through its subclasses.
 */
abstract class MirrorSyncSuite extends AgainstSandbox {

    /** Per entity: a field to change, the mirror column it lands in, and the new value. */
    private static final Map<EntityType, String[]> CHANGES = Map.of(
            EntityType.PRODUCTS, new String[] {"description", "description", "Changed in Infusion"},
            EntityType.CUSTOMERS, new String[] {"name", "name", "Renamed Customer Ltd"},
            EntityType.CUSTOMER_INVOICES, new String[] {"courierReference", "courier_reference", "NZC7777777"},
            EntityType.CUSTOMER_CONTRACT_RATES, new String[] {"endDate", "end_date", "2027-03-31"},
            EntityType.PRODUCT_PROMOTIONAL_PRICES, new String[] {"endDate", "end_date", "2027-01-15"},
            EntityType.DISCOUNT_MATRIX_ENTRIES, new String[] {"productGroup", "product_group", "SPECIALS"});

    @TempDir
    Path dir;

    TestDatabases.Db db;

    abstract TestDatabases.Db database(Path dir);

    @BeforeEach
    void openDatabase() throws Exception {
        db = database(dir);
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.dropSchema(db);
    }

    private TestBridge bridge() {
        return TestBridge.against(sandbox, db, dir.resolve("data"));
    }

    @Test
    void every_seeded_record_of_all_six_entities_reaches_the_mirror() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            IdleMonitor.Result idle = bridge.awaitIdle(Duration.ofSeconds(60));
            assertThat(idle.idle()).isTrue();
            assertThat(idle.problems()).isEmpty();
            for (EntityType type : EntityType.values()) {
                List<JsonNode> inInfusion = admin.entities(type);
                assertThat(inInfusion).as(type + " seeded").isNotEmpty();
                List<MirrorRow> mirrored = MirrorRow.all(bridge.store().dataSource(), type);
                assertThat(mirrored).as(type.key()).hasSameSizeAs(inInfusion);
                for (JsonNode record : inInfusion) {
                    MirrorRow row = MirrorRow.find(bridge.store().dataSource(), type, record.get("uuid").asText());
                    assertThat(row).as(type + " " + record.get("uuid")).isNotNull();
                    assertThat(row.versionNumber()).isEqualTo(record.get("versionNumber").asLong());
                    assertThat(InfusionJson.mapper().readTree(row.rawJson()).toString()).isEqualTo(record.toString());
                }
            }
            String first = admin.entities(EntityType.CUSTOMER_INVOICES).get(0).get("uuid").asText();
            assertThat(MirrorRow.column(bridge.store().dataSource(), EntityType.CUSTOMER_INVOICES, first, "invoice_number")).isEqualTo("INV-100001");
            assertThat(MirrorRow.column(bridge.store().dataSource(), EntityType.CUSTOMER_INVOICES, first, "delivery_status_code")).isEqualTo("RTS");
        }
    }

    @Test
    void a_created_a_changed_and_a_deleted_record_of_each_entity_reach_the_mirror() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.sync.discount-matrix-entries.cron", "0/1 * * * * ?").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();
            for (EntityType type : EntityType.values()) {
                List<JsonNode> records = admin.entities(type);
                String[] change = CHANGES.get(type);
                String changedUuid = records.get(0).get("uuid").asText();
                String deletedUuid = records.get(1).get("uuid").asText();
                ObjectNode fields = InfusionJson.mapper().createObjectNode().put(change[0], change[2]);
                admin.change(type, changedUuid, fields);
                admin.delete(type, deletedUuid);
                ObjectNode created = records.get(2).deepCopy();
                for (String common : List.of("uuid", "versionNumber", "createdTimestamp", "modifiedTimestamp", "deletedTimestamp")) {
                    created.remove(common);
                }
                if (type == EntityType.CUSTOMER_INVOICES) {
                    created.put("invoiceNumber", "INV-900001");
                }
                String createdUuid = admin.create(type, created).get("uuid").asText();

                Eventually.holds(Duration.ofSeconds(20), type + ": created, changed and deleted records in the mirror", () -> {
                    MirrorRow changedRow = MirrorRow.find(bridge.store().dataSource(), type, changedUuid);
                    MirrorRow deletedRow = MirrorRow.find(bridge.store().dataSource(), type, deletedUuid);
                    MirrorRow createdRow = MirrorRow.find(bridge.store().dataSource(), type, createdUuid);
                    return createdRow != null && createdRow.versionNumber() == 0
                            && changedRow.versionNumber() == 1
                            && change[2].equals(MirrorRow.column(bridge.store().dataSource(), type, changedUuid, change[1]))
                            && deletedRow.deleted() && deletedRow.hasDeletedTimestamp();
                });
            }
        }
    }

    @Test
    void an_older_version_never_overwrites_a_newer_one() throws Exception {
        try (BridgeRuntime bridge = bridge().open()) {
            MirrorStore store = bridge.store();
            ObjectNode v3 = (ObjectNode) admin.entities(EntityType.CUSTOMER_INVOICES).get(5).deepCopy();
            v3.put("versionNumber", 3).put("courierReference", "NEWER");
            ObjectNode v1 = v3.deepCopy().put("versionNumber", 1).put("courierReference", "OLDER");
            String uuid = v3.get("uuid").asText();

            assertThat(store.store(new SyncPage(EntityType.CUSTOMER_INVOICES, List.of(v3), false)).inserted()).isEqualTo(1);
            SyncOutcome older = store.store(new SyncPage(EntityType.CUSTOMER_INVOICES, List.of(v1), false));
            assertThat(older.unchanged()).isEqualTo(1);
            assertThat(store.storeRecords(EntityType.CUSTOMER_INVOICES, List.of(v1)).changed()).isZero();

            assertThat(MirrorRow.find(store.dataSource(), EntityType.CUSTOMER_INVOICES, uuid).versionNumber()).isEqualTo(3);
            assertThat(MirrorRow.column(store.dataSource(), EntityType.CUSTOMER_INVOICES, uuid, "courier_reference")).isEqualTo("NEWER");

            // The same version arriving as a deletion is still applied: the record is gone in Infusion.
            ObjectNode deletion = v3.deepCopy().put("deletedTimestamp", "2026-12-04T10:15:30.123Z");
            assertThat(store.store(new SyncPage(EntityType.CUSTOMER_INVOICES, List.of(deletion), false)).deleted()).isEqualTo(1);
            assertThat(MirrorRow.find(store.dataSource(), EntityType.CUSTOMER_INVOICES, uuid).deleted()).isTrue();
        }
    }

    @Test
    void resync_marks_records_deleted_behind_the_cursor() throws Exception {
        try (BridgeRuntime bridge = bridge().open()) {
            SyncReconciler reconciler = new SyncReconciler(bridge.client(), bridge.store(), 100);
            reconciler.reconcile(EntityType.CUSTOMER_INVOICES);
            List<JsonNode> invoices = admin.entities(EntityType.CUSTOMER_INVOICES);
            List<String> gone = List.of(invoices.get(10).get("uuid").asText(), invoices.get(11).get("uuid").asText(),
                    invoices.get(12).get("uuid").asText());
            gone.forEach(uuid -> admin.delete(EntityType.CUSTOMER_INVOICES, uuid));
            // Someone resets the cursor (or a page is lost): the deletions are now behind it and never replayed.
            bridge.client().resetSyncCursor(EntityType.CUSTOMER_INVOICES);
            SyncPage page;
            do {
                page = bridge.client().syncPage(EntityType.CUSTOMER_INVOICES, 100);
                bridge.store().store(page);
            } while (page.moreAvailable());
            for (String uuid : gone) {
                assertThat(MirrorRow.find(bridge.store().dataSource(), EntityType.CUSTOMER_INVOICES, uuid).deleted())
                        .as("plain sync cannot see a deletion behind the cursor").isFalse();
            }

            SyncReconciler.Drift drift = reconciler.reconcile(EntityType.CUSTOMER_INVOICES);

            assertThat(drift.markedDeleted()).isEqualTo(3);
            assertThat(drift.records()).isEqualTo(invoices.size() - 3);
            for (String uuid : gone) {
                assertThat(MirrorRow.find(bridge.store().dataSource(), EntityType.CUSTOMER_INVOICES, uuid).deleted()).isTrue();
            }
            long live = MirrorRow.all(bridge.store().dataSource(), EntityType.CUSTOMER_INVOICES).stream().filter(r -> !r.deleted()).count();
            assertThat(live).isEqualTo(invoices.size() - 3);
        }
    }

    @Test
    void a_page_lost_between_answer_and_store_is_recovered_on_the_next_start() throws Exception {
        try (BridgeRuntime crashed = bridge().open()) {
            crashed.store().pageRequested(EntityType.PRODUCTS);
            SyncPage lost = crashed.client().syncPage(EntityType.PRODUCTS, 500);
            assertThat(lost.size()).isEqualTo(admin.entities(EntityType.PRODUCTS).size());
            // ...and the process dies here: Infusion's cursor is past every product, the mirror holds none.
        }
        try (BridgeRuntime restarted = bridge().start()) {
            assertThat(restarted.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();
            assertThat(MirrorRow.all(restarted.store().dataSource(), EntityType.PRODUCTS))
                    .hasSize(admin.entities(EntityType.PRODUCTS).size());
            assertThat(MirrorRow.reconcileFinished(restarted.store().dataSource(), EntityType.PRODUCTS))
                    .as("the lost page was recovered by a resync").isTrue();
        }
    }
}
