package io.infusionbridge.pod;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The carrier profiles, one per {@code <name>.properties} in the carriers folder; the profile's name is
 * also its inbox folder ({@code inbox/pod/<name>/}). A new carrier is a new file and a new folder.
 */
public final class CarrierProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierProfiles.class);
    private static final String[] BUNDLED = {"generic", "courier-a", "courier-b"};
    /** {@code invoice-pattern=INV-\d{6}}: the properties format reads {@code \d} as {@code d}, and the pattern silently matches nothing. */
    private static final Pattern SWALLOWED_BACKSLASH = Pattern.compile("^\\s*invoice-pattern\\s*[=:].*(?<!\\\\)\\\\[dDwWsSbB]", Pattern.MULTILINE);

    private final Map<String, CarrierProfile> profiles;

    private CarrierProfiles(Map<String, CarrierProfile> profiles) {
        this.profiles = profiles;
    }

    /** Reads {@code folder}, or the profiles bundled in the jar when it does not exist. */
    public static CarrierProfiles load(Path folder) throws IOException {
        Map<String, CarrierProfile> profiles = new TreeMap<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.properties")) {
                for (Path file : files) {
                    String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (SWALLOWED_BACKSLASH.matcher(text).find()) {
                        throw new IllegalArgumentException("carrier profile " + name + ": invoice-pattern has a single backslash, which a"
                                + " properties file swallows (\\d would become d): write it twice, e.g. invoice-pattern=INV-\\\\d{6}");
                    }
                    Properties p = new Properties();
                    p.load(new StringReader(text));
                    profiles.put(name, CarrierProfile.from(name, p));
                }
            }
        } else {
            for (String name : BUNDLED) {
                try (InputStream in = CarrierProfiles.class.getClassLoader().getResourceAsStream("defaults/config/carriers/" + name + ".properties")) {
                    Properties p = new Properties();
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                    profiles.put(name, CarrierProfile.from(name, p));
                }
            }
        }
        LOG.info("Carrier profiles: {}", String.join(", ", profiles.keySet()));
        return new CarrierProfiles(profiles);
    }

    /** The profile named, or a rejection naming the profiles there are. */
    public CarrierProfile get(String name) {
        CarrierProfile profile = profiles.get(name);
        if (profile == null) {
            throw new PodFileRejectedException("no carrier profile '" + name + "' for this folder; the profiles are "
                    + String.join(", ", profiles.keySet()) + " (drop files into inbox/pod/<profile>/)");
        }
        return profile;
    }

    public java.util.Set<String> names() {
        return profiles.keySet();
    }
}
