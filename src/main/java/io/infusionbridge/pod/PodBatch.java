package io.infusionbridge.pod;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One carrier file on its way through: the invoices its rows coalesce into, and every row staged on disk
 * for the report, so that a file of a million rows is held in memory only as its distinct invoices.
 */
public final class PodBatch implements AutoCloseable {

    private final String fileName;
    private final CarrierFile file;
    private final Path stage;
    private final CSVPrinter staged;
    private final Map<String, InvoiceGroup> groups = new LinkedHashMap<>();
    private int rows;
    private int invalidRows;
    private PodLedger.FileHistory history = PodLedger.FileHistory.NEW;
    private final long openedNanos = System.nanoTime();
    private long pipelineNanos;

    PodBatch(String fileName, CarrierFile file) throws IOException {
        this.fileName = fileName;
        this.file = file;
        this.stage = Files.createTempFile("pod-rows-", ".csv");
        this.staged = new CSVPrinter(Files.newBufferedWriter(stage, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
    }

    void add(PodEvent event) {
        rows++;
        try {
            staged.printRecord(event.row(), nullToEmpty(event.invoiceNumber()), nullToEmpty(event.consignment()),
                    event.status() == null ? nullToEmpty(event.statusWord()) : event.status().name(),
                    nullToEmpty(event.problem()), nullToEmpty(event.note()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage row " + event.row() + ": " + e.getMessage(), e);
        }
        if (event.valid()) {
            groups.computeIfAbsent(event.invoiceNumber(), InvoiceGroup::new).add(event);
        } else {
            invalidRows++;
        }
    }

    public String fileName() {
        return fileName;
    }

    public String hash() {
        return file.hash();
    }

    public CarrierProfile profile() {
        return file.profile();
    }

    public int rows() {
        return rows;
    }

    public int invalidRows() {
        return invalidRows;
    }

    public Collection<InvoiceGroup> groups() {
        return groups.values();
    }

    public InvoiceGroup group(String invoiceNumber) {
        return groups.get(invoiceNumber);
    }

    /** The invoices that need a write, in the order the file first named them. */
    public List<InvoiceGroup> writes() {
        return groups.values().stream().filter(InvoiceGroup::needsWrite).toList();
    }

    /** Time from opening the file to a decision per invoice: parse, map, validate, coalesce and match. */
    public long pipelineMillis() {
        return pipelineNanos / 1_000_000;
    }

    void pipelineDone() {
        pipelineNanos = System.nanoTime() - openedNanos;
    }

    /** Whether this very file (same content) is new, resumed after an interruption, or completed before. */
    public PodLedger.FileHistory history() {
        return history;
    }

    void history(PodLedger.FileHistory history) {
        this.history = history;
    }

    /** One staged row, as read back for the report. */
    public record StagedRow(int row, String invoice, String consignment, String status, String problem, String note) {
    }

    /** Reads the staged rows back, in file order. */
    void eachStagedRow(Consumer<StagedRow> action) throws IOException {
        staged.flush();
        try (Reader in = Files.newBufferedReader(stage, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord r = records.next();
                action.accept(new StagedRow(Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
            }
        }
    }

    @Override
    public void close() {
        try {
            staged.close();
            file.close();
            Files.deleteIfExists(stage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
