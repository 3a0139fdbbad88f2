package io.infusionbridge.runtime;

import io.infusionbridge.infusion.component.InfusionSyncConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.component.file.GenericFileEndpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides when every route has finished its current work: each sync consumer has completed a round since
 * start, every watched folder is empty, and nothing is in flight. For {@code --until-idle}.
 */
public final class IdleMonitor {

    /** The outcome: idle or not, and what the sync rounds reported as not done. */
    public record Result(boolean idle, List<String> problems) {
    }

    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private final CamelContext context;

    public IdleMonitor(CamelContext context) {
        this.context = context;
    }

    /** Blocks until idle has held for two checks in a row, or {@code max} has passed. */
    public Result await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int idleChecks = 0;
        while (System.nanoTime() < deadline) {
            idleChecks = isIdle() ? idleChecks + 1 : 0;
            if (idleChecks >= 2) {
                return new Result(true, problems());
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
        return new Result(false, problems());
    }

    public boolean isIdle() {
        if (context.getInflightRepository().size() > 0) {
            return false;
        }
        for (Route route : context.getRoutes()) {
            Consumer consumer = route.getConsumer();
            if (consumer instanceof InfusionSyncConsumer sync && sync.getRoundsFinished() == 0) {
                return false;
            }
            if (route.getEndpoint() instanceof GenericFileEndpoint<?> file && hasWaitingFiles(Path.of(file.getConfiguration().getDirectory()))) {
                return false;
            }
        }
        return true;
    }

    /** What the last sync rounds could not finish, one line each. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof InfusionSyncConsumer sync && sync.getLastRoundError() != null) {
                problems.add(route.getRouteId() + ": " + sync.getLastRoundError());
            }
        }
        return problems;
    }

    private static boolean hasWaitingFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> Files.isRegularFile(p) && !isHidden(dir.relativize(p))
                    && !p.getFileName().toString().endsWith(".camelLock"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
