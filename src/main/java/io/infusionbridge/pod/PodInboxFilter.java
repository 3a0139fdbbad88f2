package io.infusionbridge.pod;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * Decides which inbox files are offered to the POD route.
 * <ul>
 * <li>While Infusion refuses the session or a permission, or is down, the inbox is held back for the
 * refused-retry delay: the files stay where they are, nothing is asked of Infusion for them, and the
 * bridge can still stop at once (a sleeping route would hold a shutdown for the whole delay).</li>
 * <li>Any file name is taken. Camel reads a backslash in a name as a folder separator and could never
 * open such a file (it would sit in the inbox for ever), so the file is renamed with '_' instead and
 * picked up under that name on the next look.</li>
 * </ul>
 */
public class PodInboxFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(PodInboxFilter.class);

    private volatile long heldBackUntilNanos = System.nanoTime();

    @Override
    public boolean accept(GenericFile<File> file) {
        if (isHeldBack()) {
            return false;
        }
        File actual = file.getFile();
        if (actual != null && actual.getName().contains("\\")) {
            File safe = new File(actual.getParentFile(), actual.getName().replace('\\', '_'));
            if (actual.renameTo(safe)) {
                LOG.warn("renamed a dropped file with backslashes in its name to {}", safe.getName());
            }
            return false;
        }
        return true;
    }

    /** Offers no file for the next {@code millis} ms: Infusion refused, and asking again at once would only be refused again. */
    public void holdBack(long millis) {
        heldBackUntilNanos = System.nanoTime() + millis * 1_000_000;
    }

    /** True while the inbox is held back after a refusal. */
    public boolean isHeldBack() {
        return System.nanoTime() - heldBackUntilNanos < 0;
    }
}
