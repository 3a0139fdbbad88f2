package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.SyncPage;
import io.infusionbridge.infusion.error.InfusionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One sync round per poll: asks for pages until Infusion has nothing more, handing each page to the route
 * and waiting until the route has stored it before asking for the next. A page the route failed to store
 * is kept and handed over again first on the next poll, because Infusion will not send it again.
 */
public class InfusionSyncConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(InfusionSyncConsumer.class);

    private final EntityType entity;
    private final InfusionConfiguration configuration;
    private final AtomicLong roundsFinished = new AtomicLong();
    private volatile boolean inRound;
    private volatile String lastRoundError;
    private volatile java.time.Instant failingSince;
    private volatile SyncPage pendingPage;
    // One round at a time, whether the scheduler, a start-up round or a trigger asks for it.
    private final ReentrantLock roundLock = new ReentrantLock();
    private ExecutorService startRound;
    private java.util.concurrent.ScheduledExecutorService triggered;
    private final java.util.concurrent.atomic.AtomicBoolean roundRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong triggeredRounds = new AtomicLong();

    public InfusionSyncConsumer(InfusionSyncEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.entity = endpoint.getEntity();
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public InfusionSyncEndpoint getEndpoint() {
        return (InfusionSyncEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.isSyncOnStart()) {
            startRound = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "infusion-sync-start-" + entity.key());
            startRound.submit(() -> {
                try {
                    poll();
                } catch (Exception e) {
                    getExceptionHandler().handleException("Start-up sync round of " + entity + " failed", e);
                }
            });
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (startRound != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(startRound);
            startRound = null;
        }
        if (triggered != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(triggered);
            triggered = null;
        }
        super.doStop();
    }

    /**
     * Asks for a round soon (e.g. after a webhook): after {@code triggerDelay} ms, so that a burst of requests
     * makes one round; a request during that round makes one more after it, which reads what arrived meanwhile.
     */
    public synchronized void requestRound() {
        if (!isRunAllowed() || !roundRequested.compareAndSet(false, true)) {
            return;
        }
        if (triggered == null) {
            triggered = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "infusion-sync-trigger-" + entity.key());
        }
        triggered.schedule(() -> {
            roundRequested.set(false);
            roundLock.lock();
            try {
                triggeredRounds.incrementAndGet();
                round();
            } catch (Exception e) {
                getExceptionHandler().handleException("Triggered sync round of " + entity + " failed", e);
            } finally {
                roundLock.unlock();
            }
        }, configuration.getTriggerDelay(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Rounds run on request (webhooks) since start. */
    public long getTriggeredRounds() {
        return triggeredRounds.get();
    }

    @Override
    protected int poll() throws Exception {
        if (!roundLock.tryLock()) {
            return 0;
        }
        try {
            return round();
        } finally {
            roundLock.unlock();
        }
    }

    private int round() throws Exception {
        InfusionClient client = getEndpoint().getComponent().getClient();
        SyncJournal journal = configuration.getJournal() == null ? SyncJournal.NONE : configuration.getJournal();
        inRound = true;
        long started = System.nanoTime();
        long lastProgress = started;
        long records = 0;
        int pages = 0;
        try {
            boolean more = true;
            while (more && isRunAllowed()
                    && (configuration.getMaxPagesPerPoll() <= 0 || pages < configuration.getMaxPagesPerPoll())) {
                SyncPage page = pendingPage;
                if (page == null) {
                    journal.pageRequested(entity);
                    page = client.syncPage(entity, configuration.getPageSize());
                    pendingPage = page;
                }
                // An empty page is handed over only when it ends a round that had changes, so steps that act
                // per round (exports) see its end; otherwise it costs nothing downstream.
                boolean hand = page.size() > 0 || (records > 0 && !page.moreAvailable());
                if (hand && !deliver(page, pages + 1)) {
                    lastRoundError = "page " + (pages + 1) + " could not be stored; it is kept and offered again on the next poll";
                    return pages;
                }
                if (!hand) {
                    journal.pageSettled(entity);
                }
                pendingPage = null;
                pages++;
                records += page.size();
                more = page.moreAvailable();
                long now = System.nanoTime();
                if (more && now - lastProgress >= configuration.getProgressInterval() * 1_000_000L) {
                    lastProgress = now;
                    LOG.info("{} sync in progress: {} records in {} pages, {} records/s", entity, records, pages, rate(records, started, now));
                }
            }
            if (records > 0) {
                LOG.info("{} sync round: {} records in {} pages in {} ms ({} records/s)", entity, records, pages,
                        (System.nanoTime() - started) / 1_000_000, rate(records, started, System.nanoTime()));
            }
            lastRoundError = null;
            failingSince = null;
            return pages;
        } catch (InfusionException e) {
            lastRoundError = e.getMessage();
            if (failingSince == null) {
                failingSince = java.time.Instant.now();
            }
            LOG.warn("{} sync stopped after {} pages: {}", entity, pages, e.getMessage());
            return pages;
        } finally {
            inRound = false;
            roundsFinished.incrementAndGet();
        }
    }

    private boolean deliver(SyncPage page, int number) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(page);
            exchange.getIn().setHeader(InfusionConstants.ENTITY, entity.key());
            exchange.getIn().setHeader(InfusionConstants.PAGE_NUMBER, number);
            exchange.getIn().setHeader(InfusionConstants.MORE_AVAILABLE, page.moreAvailable());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Storing " + page + " failed; it will be offered again", exchange, exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static long rate(long records, long startedNanos, long nowNanos) {
        long millis = Math.max(1, (nowNanos - startedNanos) / 1_000_000);
        return records * 1000 / millis;
    }

    public EntityType getEntity() {
        return entity;
    }

    /** Sync rounds finished since start, successful or not. */
    public long getRoundsFinished() {
        return roundsFinished.get();
    }

    public boolean isInRound() {
        return inRound;
    }

    /** Since when every round has failed, or null when the last one succeeded. */
    public java.time.Instant getFailingSince() {
        return failingSince;
    }

    /** Why the last round stopped early, or null when it read everything. */
    public String getLastRoundError() {
        return lastRoundError;
    }
}
