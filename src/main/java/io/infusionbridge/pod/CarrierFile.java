package io.infusionbridge.pod;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A carrier file opened with its profile: checked to be text with the profile's columns, then read row by
 * row (streaming: a million rows never sit in memory). Anything that makes the whole file unreadable is a
 * {@link PodFileRejectedException} saying what is wrong.
 */
public final class CarrierFile implements Closeable {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final Path path;
    private final CarrierProfile profile;
    private final String hash;
    private final CSVParser parser;
    private final Map<String, Integer> columns;

    private CarrierFile(Path path, CarrierProfile profile, String hash, CSVParser parser, Map<String, Integer> columns) {
        this.path = path;
        this.profile = profile;
        this.hash = hash;
        this.parser = parser;
        this.columns = columns;
    }

    public static CarrierFile open(Path path, CarrierProfile profile) throws IOException {
        if (Files.size(path) == 0) {
            throw new PodFileRejectedException("the file is empty");
        }
        String hash = sha256(path);
        sniff(path, profile);
        CharsetDecoder decoder = profile.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(path)).get();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(profile.delimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(format).get();
        } catch (IllegalArgumentException e) {
            in.close();
            throw new PodFileRejectedException("the header cannot be read: " + e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            in.close();
            throw new PodFileRejectedException("the header cannot be read: " + rootMessage(e));
        }
        Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip(), i);
        }
        List<String> missing = new ArrayList<>();
        for (String column : profile.requiredColumns()) {
            if (!columns.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            parser.close();
            throw new PodFileRejectedException("missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " of carrier profile " + profile.name() + "; the header has " + names.size() + " column(s): "
                    + shorten(String.join(", ", names), 200) + " (delimiter of this profile: '" + printable(profile.delimiter()) + "')");
        }
        return new CarrierFile(path, profile, hash, parser, columns);
    }

    public String hash() {
        return hash;
    }

    public CarrierProfile profile() {
        return profile;
    }

    public Path path() {
        return path;
    }

    /** The data rows, read as they are asked for. A row that breaks the CSV syntax rejects the file. */
    public Iterator<PodRow> rows() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private int number;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new PodFileRejectedException("cannot read row " + (number + 1) + " (line " + (number + 2) + " or after): " + rootMessage(e), e);
                }
            }

            @Override
            public PodRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new PodFileRejectedException("cannot read row " + (number + 1) + " (line " + (number + 2) + " or after): " + rootMessage(e), e);
                }
                number++;
                return new PodRow(number, cell(record, profile.invoiceColumn()), cell(record, profile.consignmentColumn()),
                        cell(record, profile.statusColumn()), profile.eventDateColumn() == null ? null : cell(record, profile.eventDateColumn()),
                        cell(record, profile.eventTimeColumn()), profile.signedByColumn() == null ? null : cell(record, profile.signedByColumn()));
            }
        };
    }

    private String cell(CSVRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Binary files and text in another encoding are refused before any row is read. */
    private static void sniff(Path path, CarrierProfile profile) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new PodFileRejectedException("the file is binary (a NUL byte at offset " + i + "), not CSV text");
            }
        }
        int length = head.length;
        if (length == SNIFF_BYTES && profile.charset().name().equals("UTF-8")) {
            // Do not judge a multi-byte character cut by the sniff window.
            while (length > 0 && length > SNIFF_BYTES - 4 && (head[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
                length--;
            }
        }
        try {
            profile.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
        } catch (CharacterCodingException e) {
            throw new PodFileRejectedException("the file is not " + profile.charset().name() + " text as carrier profile "
                    + profile.name() + " expects (" + e.getClass().getSimpleName() + "); save it as " + profile.charset().name()
                    + " or set charset= in the profile");
        }
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof CharacterCodingException) {
            return "the text is not valid in the profile's charset";
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
