package io.infusionbridge.infusion.component;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the Infusion endpoints, documented where they are declared. */
@UriParams
public class InfusionConfiguration implements Cloneable {

    @UriParam(label = "consumer", defaultValue = "100",
            description = "Records per Data Synchronisation request (1 to 1000). Bigger pages spend fewer of the 10 requests a second.")
    private int pageSize = 100;

    @UriParam(label = "consumer", defaultValue = "0",
            description = "Pages per sync round; 0 reads until Infusion says nothing more is waiting.")
    private int maxPagesPerPoll;

    @UriParam(label = "consumer", defaultValue = "10000",
            description = "How often a long sync round logs its progress (records, pages, rate), in milliseconds.")
    private long progressInterval = 10_000;

    @UriParam(label = "consumer", defaultValue = "false",
            description = "Run one sync round as soon as the route starts, before the first scheduled one (for cron schedules).")
    private boolean syncOnStart;

    @UriParam(label = "consumer", defaultValue = "1000",
            description = "Milliseconds a requested round (a webhook) waits, so that a burst of requests makes one round.")
    private long triggerDelay = 1000;

    @UriParam(label = "advanced", description = "Where the consumer notes a page asked for but not yet stored.")
    @Metadata(autowired = true)
    private SyncJournal journal;

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1 to 1000 (Infusion's limit), was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public int getMaxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    public void setMaxPagesPerPoll(int maxPagesPerPoll) {
        this.maxPagesPerPoll = maxPagesPerPoll;
    }

    public long getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public boolean isSyncOnStart() {
        return syncOnStart;
    }

    public void setSyncOnStart(boolean syncOnStart) {
        this.syncOnStart = syncOnStart;
    }

    public long getTriggerDelay() {
        return triggerDelay;
    }

    public void setTriggerDelay(long triggerDelay) {
        this.triggerDelay = triggerDelay;
    }

    public SyncJournal getJournal() {
        return journal;
    }

    public void setJournal(SyncJournal journal) {
        this.journal = journal;
    }

    public InfusionConfiguration copy() {
        try {
            return (InfusionConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
