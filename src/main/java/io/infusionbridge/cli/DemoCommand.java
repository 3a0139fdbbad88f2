package io.infusionbridge.cli;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.notify.MailCapture;
import io.infusionbridge.pod.PodOutcome;
import io.infusionbridge.pod.PodSummary;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge demo}: the same routes against a seeded sandbox and an embedded H2 under {@code data/demo/}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the routes on embedded defaults: a seeded Infusion sandbox on a free port, an H2 mirror under data/demo/ (cleared first), and the three sample carrier files dropped into their inboxes.")
class DemoCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Option(names = "--until-idle", description = "Exit once every route has finished its current work.")
    boolean untilIdle;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "With --until-idle: give up (exit 1) after this long (default ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo", description = "Where the demo keeps its files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    private static final String[][] SAMPLES = {
            {"generic", "generic.csv"}, {"courier-a", "courier-a-tracking-export.csv"}, {"courier-b", "courier-b-pod.csv"}};

    /** The three sample carrier files, into their profiles' inbox folders. */
    static void dropSamples(Path dataDir) throws IOException {
        for (String[] sample : SAMPLES) {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox/pod").resolve(sample[0]));
            try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream("defaults/samples/pod/" + sample[1])) {
                // Written aside and renamed: the inbox never shows half a file.
                Path partial = inbox.resolve("." + sample[1] + ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, inbox.resolve(sample[1]), StandardCopyOption.ATOMIC_MOVE);
            }
            System.out.println("Demo: dropped " + sample[1] + " into " + inbox + "/");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        // The sandbox starts from its seed every time, so the demo's mirror and ledger do too.
        deleteRecursively(dataDir);
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            Map<String, String> demo = new LinkedHashMap<>();
            demo.put("infusion.base-url", sandbox.baseUrl());
            demo.put("infusion.license-uuid", sandbox.licenseUuid());
            demo.put("infusion.session-uuid", sandbox.sessionUuid());
            demo.put("bridge.data-dir", dataDir.toString());
            demo.put("bridge.db.url", "");
            demo.put("bridge.db.schema", "");
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            demo.put("bridge.http-port", String.valueOf(port));
            int smtpPort;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                smtpPort = free.getLocalPort();
            }
            demo.put("bridge.mail.enabled", "true");
            demo.put("bridge.mail.host", "127.0.0.1");
            demo.put("bridge.mail.port", String.valueOf(smtpPort));
            demo.put("bridge.mail.security", "none");
            demo.put("bridge.mail.user", "");
            // Every alert of the demo is worth seeing: no quiet period.
            demo.put("bridge.mail.alerts.quiet-period", "0s");
            demo.put("bridge.exports.enabled", "true");
            BridgeSettings settings = options.settings(demo);
            System.out.println("Demo: Infusion sandbox at " + sandbox.baseUrl() + " (controls at " + sandbox.adminUrl() + ")");
            System.out.println("Demo: mirror in H2 at " + dataDir.resolve("mirror") + "/");
            try (MailCapture mail = new MailCapture(smtpPort, dataDir.resolve("mail"))) {
            System.out.println("Demo: mail captured by an SMTP server on port " + smtpPort + ", written to " + dataDir.resolve("mail") + "/ as .eml");
            System.out.println("Demo: health at http://127.0.0.1:" + port + "/observe/health, webhooks at http://127.0.0.1:" + port + "/webhooks/infusion");
            return RunCommand.runBridge(settings, options, untilIdle, maxWait, runtime -> dropSamples(settings.dataDir()), (runtime, result) -> {
                // The digest runs on its cron (17:00); the demo sends one now to show it.
                runtime.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
                Thread.sleep(500);
                System.out.println();
                System.out.println("Demo: " + mail.writeNew() + " mail(s) in " + settings.dataDir().resolve("mail") + "/ (alerts and the delivered-invoices digest)");
                System.out.println("Demo: exports in " + settings.dataDir().resolve("outbox/exports") + "/");
                System.out.println();
                System.out.println("Demo: carrier files");
                System.out.printf("  %-34s %-10s %5s %8s %10s %11s %10s %8s %7s %7s%n", "file", "profile", "rows", "applied",
                        "unchanged", "superseded", "not-found", "invalid", "failed", "writes");
                for (PodSummary s : runtime.podReport().recent()) {
                    if (s.rejection() != null) {
                        System.out.printf("  %-34s rejected: %s%n", s.fileName(), s.rejection());
                    } else {
                        System.out.printf("  %-34s %-10s %5d %8d %10d %11d %10d %8d %7d %7d%n", s.fileName(), s.profile(), s.rows(),
                                s.count(PodOutcome.APPLIED), s.count(PodOutcome.UNCHANGED), s.count(PodOutcome.SUPERSEDED),
                                s.count(PodOutcome.NOT_FOUND), s.count(PodOutcome.INVALID), s.count(PodOutcome.FAILED), s.writes());
                    }
                }
                System.out.println("Demo: reports in " + settings.dataDir().resolve("reports") + "/");
                Map<EntityType, long[]> counts = runtime.store().counts();
                System.out.println();
                System.out.println("Demo: the mirror now holds");
                System.out.printf("  %-28s %8s %8s%n", "entity", "live", "deleted");
                counts.forEach((type, c) -> System.out.printf("  %-28s %8d %8d%n", type.key(), c[0], c[1]));
                System.out.println("Demo: " + runtime.client().requestsSent() + " requests to Infusion, "
                        + runtime.client().rateLimitedAnswers() + " answered 429");
                if (!untilIdle) {
                    System.out.println("Demo: the routes keep running; change data through " + sandbox.adminUrl()
                            + " and watch it arrive. Ctrl-C stops.");
                }
            });
            }
        }
    }
}
