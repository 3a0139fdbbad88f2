package io.infusionbridge.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The POD folders under a test's data dir, and the files in them. */
public record PodFolders(Path dataDir) {

    /** Drops a file as a user's copy would end: written aside, then renamed into the inbox. */
    public Path drop(String profile, String name, byte[] content) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox/pod").resolve(profile));
        Path partial = inbox.resolve("." + name + ".part");
        Files.write(partial, content);
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public Path drop(String profile, String name, String content) throws IOException {
        return drop(profile, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops one of the shipped sample files (the same bytes as the shared samples). */
    public Path dropSample(String profile, String sample) throws IOException {
        try (InputStream in = PodFolders.class.getClassLoader().getResourceAsStream("defaults/samples/pod/" + sample)) {
            return drop(profile, sample, in.readAllBytes());
        }
    }

    public List<Path> files(String folder) throws IOException {
        Path dir = dataDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** The rows of the newest report whose name contains {@code fileName}. */
    public List<CSVRecord> report(String fileName) throws IOException {
        Path report = files("reports").stream().filter(p -> p.getFileName().toString().contains(fileName))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no report for " + fileName));
        try (Reader in = Files.newBufferedReader(report, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    public long reports(String fileName) throws IOException {
        return files("reports").stream().filter(p -> p.getFileName().toString().contains(fileName)).count();
    }
}
