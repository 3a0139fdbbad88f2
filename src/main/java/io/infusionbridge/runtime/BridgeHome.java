package io.infusionbridge.runtime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the user's folders: in the working directory first, then next to the jar. */
public final class BridgeHome {

    private BridgeHome() {
    }

    public static Optional<Path> locate(String relative) {
        Path local = Path.of(relative);
        if (Files.exists(local)) {
            return Optional.of(local);
        }
        return jarFolder().map(dir -> dir.resolve(relative)).filter(Files::exists);
    }

    private static Optional<Path> jarFolder() {
        try {
            var source = BridgeHome.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
