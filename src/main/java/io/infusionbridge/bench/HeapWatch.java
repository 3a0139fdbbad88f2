package io.infusionbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Peak heap in use since {@link #reset()}, sampled every 10 ms (the sum of per-pool peaks would overstate it). */
final class HeapWatch {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private HeapWatch() {
    }

    static void reset() {
        System.gc();
        PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
    }

    static long peakMegabytes() {
        return PEAK.get() / (1024 * 1024);
    }

    static long maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
