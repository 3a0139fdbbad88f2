package io.infusionbridge.sync;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.SyncPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * A full resync of one entity: reset Infusion's cursor, read everything again, and mark as deleted what did
 * not come back (deletions before a reset are not replayed). Logs the drift it found.
 */
public final class SyncReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncReconciler.class);

    /** What a reconcile found: records read, pages, and how the mirror had drifted from Infusion. */
    public record Drift(EntityType entity, long records, int pages, SyncOutcome outcome, int markedDeleted) {

        public long changed() {
            return outcome.changed() + markedDeleted;
        }

        @Override
        public String toString() {
            return entity + " resync: " + records + " records in " + pages + " pages; drift: " + changed() + " records ("
                    + outcome.inserted() + " missing, " + outcome.updated() + " out of date, " + markedDeleted
                    + " no longer in Infusion and now marked deleted)";
        }
    }

    private final InfusionClient client;
    private final MirrorStore store;
    private final int pageSize;

    public SyncReconciler(InfusionClient client, MirrorStore store, int pageSize) {
        this.client = client;
        this.store = store;
        this.pageSize = pageSize;
    }

    /** One plain sync round (no reset): the changes since the cursor, stored page by page. */
    public SyncOutcome syncOnce(EntityType type) throws SQLException {
        return readAll(type, "sync").outcome();
    }

    public Drift reconcile(EntityType type) throws SQLException {
        long generation = store.beginReconcile(type);
        client.resetSyncCursor(type);
        Round round = readAll(type, "resync");
        Drift drift = new Drift(type, round.records(), round.pages(), round.outcome(), store.finishReconcile(type, generation));
        LOG.info("{}", drift);
        return drift;
    }

    private record Round(SyncOutcome outcome, long records, int pages) {
    }

    /** Asks for pages until Infusion has nothing more, storing each before asking for the next. */
    private Round readAll(EntityType type, String what) throws SQLException {
        SyncOutcome outcome = SyncOutcome.NONE;
        long records = 0;
        int pages = 0;
        long started = System.nanoTime();
        boolean more = true;
        while (more) {
            store.pageRequested(type);
            SyncPage page = client.syncPage(type, pageSize);
            outcome = outcome.plus(store.store(page));
            records += page.size();
            pages++;
            more = page.moreAvailable();
            if (pages % 50 == 0) {
                LOG.info("{} {} in progress: {} records in {} pages, {} records/s", type, what, records, pages,
                        records * 1_000_000_000L / Math.max(1, System.nanoTime() - started));
            }
        }
        return new Round(outcome, records, pages);
    }
}
