package io.infusionbridge.pod;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.nio.file.Path;

/**
 * The first step for a dropped file: find its carrier profile by its inbox folder, open it with that
 * profile, and start the batch its rows coalesce into (closed whatever happens to the exchange).
 */
public class PodFileOpener {

    public static final String PROFILE = "podProfile";
    public static final String BATCH = "podBatch";

    private final CarrierProfiles profiles;

    public PodFileOpener(CarrierProfiles profiles) {
        this.profiles = profiles;
    }

    public CarrierFile open(Exchange exchange) throws Exception {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        int slash = relative.indexOf('/');
        if (slash < 0) {
            throw new PodFileRejectedException("the file was dropped straight into inbox/pod/; put it in the folder of its carrier profile: "
                    + "inbox/pod/<" + String.join("|", profiles.names()) + ">/");
        }
        CarrierProfile profile = profiles.get(relative.substring(0, slash));
        CarrierFile file = CarrierFile.open(path, profile);
        PodBatch batch = new PodBatch(path.getFileName().toString(), file);
        exchange.setProperty(PROFILE, profile);
        exchange.setProperty(BATCH, batch);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                batch.close();
            }
        });
        return file;
    }
}
