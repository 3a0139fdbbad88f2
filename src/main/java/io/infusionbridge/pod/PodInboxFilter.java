package io.infusionbridge.pod;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * Lets the inbox take any file name. Camel reads a backslash in a name as a folder separator and could
 * never open such a file (it would sit in the inbox for ever), so the file is renamed with '_' instead
 * and picked up under that name on the next look.
 */
public class PodInboxFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(PodInboxFilter.class);

    @Override
    public boolean accept(GenericFile<File> file) {
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
}
