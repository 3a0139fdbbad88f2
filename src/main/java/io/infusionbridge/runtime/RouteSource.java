package io.infusionbridge.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where routes are loaded from: a folder of YAML and XML files, or the routes bundled in the jar. */
public record RouteSource(String includePattern, String description) {

    public static final String DEFAULT_FOLDER = "routes";

    /** The given folder; or, when none is given, {@code routes/} here or next to the jar, else the bundled routes. */
    public static RouteSource resolve(Path folder) {
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new SettingsException("routes folder " + folder + " does not exist");
            }
            return folder(folder);
        }
        return BridgeHome.locate(DEFAULT_FOLDER).filter(Files::isDirectory).map(RouteSource::folder).orElseGet(() -> new RouteSource("classpath:defaults/routes/*.yaml,classpath:defaults/routes/*.xml", "the routes bundled in the jar"));
    }

    public static RouteSource folder(Path folder) {
        String dir = folder.toAbsolutePath().normalize().toString();
        return new RouteSource("file:" + dir + "/*.yaml,file:" + dir + "/*.xml", folder + "/");
    }
}
