package io.infusionbridge.pod;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What one carrier file came to: rows per outcome, writes made, and where its report is. */
public record PodSummary(String fileName, String profile, int rows, Map<PodOutcome, Integer> outcomes, int writes, Path report,
                         String rejection, long pipelineMillis) {

    public int count(PodOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    static Map<PodOutcome, Integer> empty() {
        Map<PodOutcome, Integer> counts = new EnumMap<>(PodOutcome.class);
        for (PodOutcome o : PodOutcome.values()) {
            counts.put(o, 0);
        }
        return counts;
    }

    @Override
    public String toString() {
        if (rejection != null) {
            return fileName + ": rejected, moved to failed/: " + rejection;
        }
        return fileName + " (" + profile + "): " + rows + " rows: " + outcomes.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word()).collect(Collectors.joining(", ")) + "; " + writes + " write(s)";
    }
}
