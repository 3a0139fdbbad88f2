package io.infusionbridge.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.infusion.SyncPage;
import io.infusionbridge.infusion.component.InfusionConstants;
import io.infusionbridge.sync.MirrorStore;
import io.infusionbridge.sync.MirrorTable;
import io.infusionbridge.sync.SyncOutcome;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Files of synced data for other tools, under {@code outbox/exports/<entity>/}: per sync round a delta of
 * what changed (NDJSON, deletions marked), and a current snapshot CSV with the columns a user chose. Each
 * file is written aside and renamed, so a watcher never reads half a file; deltas are named to sort by time.
 */
public class SyncExports {

    public static final String PAGE = "syncPage";
    private static final Logger LOG = LoggerFactory.getLogger(SyncExports.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path root;
    private final MirrorStore mirror;
    private final Map<EntityType, List<String>> snapshotColumns;
    private final Duration retention;
    private final Map<EntityType, Path> openDeltas = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Integer> openCounts = new EnumMap<>(EntityType.class);

    public SyncExports(Path root, MirrorStore mirror, Map<EntityType, List<String>> snapshotColumns, Duration retention) {
        this.root = root;
        this.mirror = mirror;
        this.snapshotColumns = snapshotColumns;
        this.retention = retention;
    }

    /** Adds a stored page's changes to its round's delta; the round's last page publishes it and the snapshot. */
    public synchronized void record(@ExchangeProperty(PAGE) SyncPage page, @Body SyncOutcome outcome,
                                    @Header(InfusionConstants.MORE_AVAILABLE) boolean moreAvailable) throws Exception {
        EntityType type = page.type();
        if (!outcome.changes().isEmpty()) {
            Path folder = Files.createDirectories(root.resolve(type.key()));
            Path partial = openDeltas.computeIfAbsent(type, t -> folder.resolve("." + t.key() + "-delta.ndjson.part"));
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                for (JsonNode item : page.items()) {
                    String change = outcome.changes().get(item.path("uuid").asText());
                    if (change != null) {
                        ObjectNode line = InfusionJson.mapper().createObjectNode();
                        line.put("change", change);
                        line.put("entity", type.key());
                        line.set("record", item);
                        out.write(InfusionJson.mapper().writeValueAsString(line));
                        out.write('\n');
                    }
                }
            }
            openCounts.merge(type, outcome.changes().size(), Integer::sum);
        }
        if (!moreAvailable && openDeltas.containsKey(type)) {
            Path folder = root.resolve(type.key());
            Path delta = folder.resolve(LocalDateTime.now().format(STAMP) + "-" + type.key() + "-delta.ndjson");
            Files.move(openDeltas.remove(type), delta, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("{} export: {} changes in {}", type, openCounts.remove(type), delta.getFileName());
            snapshot(type);
            prune(folder);
        }
    }

    /** The current snapshot CSV of an entity, with the configured columns (fields of the record). */
    public void snapshot(EntityType type) throws Exception {
        List<String> columns = snapshotColumns.get(type);
        if (columns == null || columns.isEmpty()) {
            return;
        }
        Path folder = Files.createDirectories(root.resolve(type.key()));
        Path partial = folder.resolve("." + type.key() + "-snapshot.csv.part");
        try (Connection c = mirror.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT raw_json FROM " + MirrorTable.of(type).table()
                     + " WHERE deleted = FALSE ORDER BY modified_timestamp, uuid");
             BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonNode record = InfusionJson.mapper().readTree(rs.getString(1));
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        JsonNode value = record.path(columns.get(i));
                        row[i] = value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
                    }
                    csv.printRecord(row);
                }
            }
        }
        Files.move(partial, folder.resolve(type.key() + "-snapshot.csv"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void prune(Path folder) throws IOException {
        Instant cutoff = Instant.now().minus(retention);
        try (DirectoryStream<Path> deltas = Files.newDirectoryStream(folder, "*-delta.ndjson")) {
            for (Path delta : deltas) {
                if (Files.getLastModifiedTime(delta).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(delta);
                }
            }
        }
    }
}
