package io.infusionbridge.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The demo's SMTP server: a real one (GreenMail) that keeps every message as an .eml file a user can open. */
public final class MailCapture implements AutoCloseable {

    private final GreenMail smtp;
    private final Path folder;
    private final ScheduledExecutorService writer;
    private int written;

    public MailCapture(int port, Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-capture");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeNew, 1, 1, TimeUnit.SECONDS);
    }

    /** Writes the messages received since the last call as .eml files; answers how many there are in all. */
    public synchronized int writeNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; written < received.length; written++) {
            try {
                String subject = received[written].getSubject() == null ? "mail" : received[written].getSubject();
                String name = String.format("%03d-%s.eml", written + 1, subject.replaceAll("[^A-Za-z0-9-]+", "-")
                        .replaceAll("(^-|-$)", "").toLowerCase());
                try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                    received[written].writeTo(out);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot write a captured mail: " + e.getMessage(), e);
            }
        }
        return written;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        writeNew();
        smtp.stop();
    }
}
