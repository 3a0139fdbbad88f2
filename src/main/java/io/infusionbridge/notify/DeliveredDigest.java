package io.infusionbridge.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The delivered-invoices digest: every invoice whose delivery was confirmed since the last digest, as an
 * HTML table and a CSV attachment, so staff can bulk-email those invoices from Infusion in one go.
 */
public class DeliveredDigest {

    public static final String LINES = "DigestLines";
    public static final String ID = "DigestId";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveredDigest.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One delivered invoice in a digest; {@code maybeSent}: it was in a digest being sent when the bridge stopped. */
    public record Line(String invoiceUuid, String invoiceNumber, String customer, String consignment, OffsetDateTime deliveredAt,
                       String signedBy, boolean maybeSent) {
    }

    static final String MAYBE_SENT_NOTE = "may already be in the digest that was being sent when the bridge stopped";

    private final DataSource dataSource;
    private final ZoneId zone;

    public DeliveredDigest(DataSource dataSource, ZoneId zone) throws SQLException {
        this.dataSource = dataSource;
        this.zone = zone;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE digest_lines SET status = 'unsure', maybe_sent = TRUE WHERE status = 'pending'")) {
            int unsure = s.executeUpdate();
            if (unsure > 0) {
                // The mail may or may not have gone out before the stop: better twice, and said so, than never.
                LOG.warn("{} invoice(s) of a digest that was being sent when the bridge stopped go into the next digest,"
                        + " marked as possibly sent already", unsure);
            }
        }
    }

    /** Reserves the invoices delivered since the last digest and composes the mail; 0 lines: nothing to send. */
    public void prepare(Exchange exchange) throws Exception {
        String id = UUID.randomUUID().toString();
        List<Line> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT p.invoice_uuid, p.invoice_number, cu.name, p.consignment,"
                    + " p.last_event_time, p.signed_by, d.maybe_sent FROM pod_invoice_state p"
                    + " LEFT JOIN customer_invoices i ON i.uuid = p.invoice_uuid LEFT JOIN customers cu ON cu.uuid = i.customer_uuid"
                    + " LEFT JOIN digest_lines d ON d.invoice_uuid = p.invoice_uuid"
                    + " WHERE p.last_status = 'DELIVERED' AND (d.invoice_uuid IS NULL OR d.status = 'unsure')"
                    + " ORDER BY p.last_event_time, p.invoice_number");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Line(rs.getObject(1).toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getBoolean(7)));
                }
            }
            try (PreparedStatement unsure = c.prepareStatement("DELETE FROM digest_lines WHERE invoice_uuid = ? AND status = 'unsure'");
                 PreparedStatement s = c.prepareStatement("INSERT INTO digest_lines (invoice_uuid, digest_id, status, created_at, maybe_sent)"
                         + " VALUES (?, ?, 'pending', ?, ?)")) {
                for (Line line : lines) {
                    if (line.maybeSent()) {
                        unsure.setObject(1, UUID.fromString(line.invoiceUuid()));
                        unsure.addBatch();
                    }
                    s.setObject(1, UUID.fromString(line.invoiceUuid()));
                    s.setString(2, id);
                    s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setBoolean(4, line.maybeSent());
                    s.addBatch();
                }
                unsure.executeBatch();
                s.executeBatch();
            }
            c.commit();
        }
        exchange.getMessage().setHeader(LINES, lines.size());
        exchange.getMessage().setHeader(ID, id);
        if (lines.isEmpty()) {
            exchange.getMessage().setBody(null);
            return;
        }
        String today = LocalDate.now(zone).toString();
        exchange.getMessage().setHeader("Subject", "[Infusion Bridge] Delivered invoices: " + lines.size() + " to send (" + today + ")");
        exchange.getMessage().setHeader("Content-Type", "text/html; charset=UTF-8");
        exchange.getMessage().setBody(html(lines));
        AttachmentMessage mail = exchange.getMessage(AttachmentMessage.class);
        mail.addAttachment("delivered-invoices-" + today + ".csv",
                new DataHandler(new ByteArrayDataSource(csv(lines).getBytes(StandardCharsets.UTF_8), "text/csv")));
    }

    public void confirm(@Header(ID) String id) throws SQLException {
        mark(id, "UPDATE digest_lines SET status = 'sent' WHERE digest_id = ?");
    }

    /** The mail could not be sent: its invoices go into the next digest (still marked if they were before). */
    public void release(@Header(ID) String id) throws SQLException {
        mark(id, "UPDATE digest_lines SET status = 'unsure' WHERE digest_id = ? AND status = 'pending' AND maybe_sent");
        mark(id, "DELETE FROM digest_lines WHERE digest_id = ? AND status = 'pending'");
    }

    private void mark(String id, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private String html(List<Line> lines) {
        long maybeSent = lines.stream().filter(Line::maybeSent).count();
        StringBuilder html = new StringBuilder("<html><body><p>These invoices were confirmed delivered since the last digest."
                + " Filter Infusion's invoice list to delivery status Delivered to bulk-email them.</p>"
                + (maybeSent == 0 ? "" : "<p>" + maybeSent + " of them " + MAYBE_SENT_NOTE + " (see the Note column):"
                        + " check whether they were emailed before emailing them again.</p>")
                + "<table border=\"1\" cellpadding=\"4\"><tr><th>Invoice</th><th>Customer</th><th>Consignment</th>"
                + "<th>Delivered at</th><th>Signed by</th><th>Note</th></tr>");
        for (Line l : lines) {
            html.append("<tr><td>").append(escape(l.invoiceNumber())).append("</td><td>").append(escape(l.customer()))
                    .append("</td><td>").append(escape(l.consignment())).append("</td><td>").append(shown(l.deliveredAt()))
                    .append("</td><td>").append(escape(l.signedBy())).append("</td><td>").append(note(l)).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private String csv(List<Line> lines) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("invoice", "customer", "consignment", "delivered_at", "signed_by", "note").get())) {
            for (Line l : lines) {
                csv.printRecord(l.invoiceNumber(), nullToEmpty(l.customer()), nullToEmpty(l.consignment()), shown(l.deliveredAt()),
                        nullToEmpty(l.signedBy()), note(l));
            }
        }
        return out.toString();
    }

    private static String note(Line line) {
        return line.maybeSent() ? MAYBE_SENT_NOTE : "";
    }

    private String shown(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(SHOWN);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
