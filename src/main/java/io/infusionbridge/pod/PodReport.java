package io.infusionbridge.pod;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The report of a carrier file: one CSV line per input row (row, invoice, consignment, status, outcome,
 * reason), written aside and renamed into {@code reports/}. Cells a spreadsheet would run as a formula are
 * defused with a leading apostrophe.
 */
public class PodReport {

    private static final Logger LOG = LoggerFactory.getLogger(PodReport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final String[] HEADER = {"row", "invoice", "consignment", "status", "outcome", "reason"};

    private final Path reports;
    private final PodLedger ledger;
    private final List<PodSummary> recent = new CopyOnWriteArrayList<>();

    public PodReport(Path reports, PodLedger ledger) {
        this.reports = reports;
        this.ledger = ledger;
    }

    public PodSummary write(@ExchangeProperty(PodFileOpener.BATCH) PodBatch batch) throws Exception {
        Map<PodOutcome, Integer> counts = PodSummary.empty();
        Path report = reportPath(batch.fileName());
        int writes = (int) batch.groups().stream().filter(InvoiceGroup::written).count();
        writeAtomically(report, printer -> batch.eachStagedRow(row -> {
            String[] outcome = outcome(batch, row);
            counts.merge(PodOutcome.valueOf(outcome[0]), 1, Integer::sum);
            print(printer, String.valueOf(row.row()), row.invoice(), row.consignment(), row.status(),
                    PodOutcome.valueOf(outcome[0]).word(), outcome[1]);
        }));
        ledger.fileCompleted(batch.hash());
        PodSummary summary = new PodSummary(batch.fileName(), batch.profile().name(), batch.rows(), counts, writes, report, null,
                batch.pipelineMillis());
        recent.add(summary);
        LOG.info("{}; report {}", summary, report.getFileName());
        return summary;
    }

    /** The report of a file that could not be read at all. */
    public PodSummary rejected(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String name = Path.of(exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)).getFileName().toString();
        String reason = cause instanceof PodFileRejectedException ? cause.getMessage()
                : "the bridge could not process it (" + cause + "); the file is kept in failed/";
        Path report = reportPath(name);
        writeAtomically(report, printer -> print(printer, "", "", "", "", PodOutcome.INVALID.word(), "file not processed: " + reason));
        PodSummary summary = new PodSummary(name, null, 0, PodSummary.empty(), 0, report, reason, 0);
        recent.add(summary);
        LOG.warn("{}; report {}", summary, report.getFileName());
        return summary;
    }

    /** The summaries of the files processed since start, oldest first. */
    public List<PodSummary> recent() {
        return List.copyOf(recent);
    }

    private static String[] outcome(PodBatch batch, PodBatch.StagedRow row) {
        if (!row.problem().isEmpty()) {
            return new String[] {PodOutcome.INVALID.name(), "row " + row.row() + ": " + row.problem()};
        }
        InvoiceGroup group = batch.group(row.invoice());
        String note = row.note().isEmpty() ? "" : "; " + row.note();
        PodOutcome outcome = group.outcome() == null ? PodOutcome.FAILED : group.outcome();
        String reason = group.reason() == null ? "no decision was made (the file was interrupted)" : group.reason();
        boolean latest = group.latest().row() == row.row();
        if (group.overflow().contains(row.consignment())
                && (outcome == PodOutcome.APPLIED || outcome == PodOutcome.UNCHANGED || outcome == PodOutcome.WOULD_APPLY)) {
            return new String[] {PodOutcome.FAILED.name(), "consignment " + row.consignment() + " did not fit the 50-character courier reference of "
                    + group.invoiceNumber() + note};
        }
        if (latest || outcome == PodOutcome.NOT_FOUND || outcome == PodOutcome.FAILED || outcome == PodOutcome.SUPERSEDED) {
            return new String[] {outcome.name(), reason + note};
        }
        if (!row.consignment().equals(group.latest().consignment())) {
            return new String[] {outcome.name(), "consignment " + row.consignment() + " is in the courier reference of "
                    + group.invoiceNumber() + "; row " + group.latest().row() + " holds the latest status" + note};
        }
        return new String[] {PodOutcome.SUPERSEDED.name(), "row " + group.latest().row() + " has a later event for "
                + group.invoiceNumber() + " (" + group.latest().status() + ")" + note};
    }

    private interface RowsWriter {
        void write(CSVPrinter printer) throws IOException;
    }

    /** Written aside and renamed, so whoever watches reports/ never reads half a report. */
    private void writeAtomically(Path report, RowsWriter rows) throws IOException {
        Files.createDirectories(reports);
        Path partial = reports.resolve("." + report.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            rows.write(printer);
        }
        Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path reportPath(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return reports.resolve(LocalDateTime.now().format(STAMP) + "-" + safe + ".report.csv");
    }

    private static void print(CSVPrinter printer, String... cells) {
        try {
            Object[] safe = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                safe[i] = defuse(cells[i]);
            }
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cell starting with = + - @ (or a tab or CR) would run as a formula in a spreadsheet. */
    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
