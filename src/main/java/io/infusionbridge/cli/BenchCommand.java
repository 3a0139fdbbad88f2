package io.infusionbridge.cli;

import io.infusionbridge.bench.BenchFigure;
import io.infusionbridge.bench.BridgeBench;
import io.infusionbridge.runtime.RouteSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code bridge bench}: the figures that show the bridge uses the API fully and never more. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark against the sandbox over HTTP: write-back at the API limit, the pipeline's ceiling (in a child JVM"
                + " with --pipeline-heap), the initial sync into H2 and PostgreSQL, and end-to-end latency.",
                "Prints a table and writes it as CSV and JSON under --out."})
class BenchCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Option(names = "--invoices", defaultValue = "300", description = "Invoices to write back at the API limit (default ${DEFAULT-VALUE}).")
    int invoices;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the pipeline file (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--pipeline-invoices", defaultValue = "20000", description = "Distinct invoices in the pipeline file (default ${DEFAULT-VALUE}).")
    int pipelineInvoices;

    @Option(names = "--pipeline-heap", defaultValue = "256m", description = "-Xmx of the pipeline's JVM (default ${DEFAULT-VALUE}).")
    String pipelineHeap;

    @Option(names = "--sync-records", defaultValue = "100000", description = "Invoices for the initial sync (default ${DEFAULT-VALUE}).")
    int syncRecords;

    @Option(names = "--latency-runs", defaultValue = "50", description = "Runs per latency figure (default ${DEFAULT-VALUE}).")
    int latencyRuns;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test", description = "PostgreSQL for the sync figure (user postgres).")
    String postgresUrl;

    @Option(names = "--out", defaultValue = "data/bench", description = "Where the CSV and JSON go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--only", split = ",", description = "Run only these: write-back, pipeline, sync, latency.")
    List<String> only;

    @Option(names = "--pipeline-only", hidden = true, description = "Internal: run the pipeline scenario and print its figures.")
    boolean pipelineOnly;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("bridge-bench-");
        BridgeBench bench = new BridgeBench(work, options.routeSource());
        if (pipelineOnly) {
            for (BenchFigure f : bench.pipeline(rows, pipelineInvoices)) {
                System.out.println("FIGURE\t" + f.scenario() + "\t" + f.measure() + "\t" + f.value() + "\t" + f.limitedBy());
            }
            return 0;
        }
        List<BenchFigure> figures = new ArrayList<>();
        if (runs("write-back")) {
            System.err.println("bench: write-back at the API limit ...");
            figures.addAll(bench.writeBack(invoices));
        }
        if (runs("pipeline")) {
            System.err.println("bench: pipeline ceiling (child JVM, -Xmx" + pipelineHeap + ") ...");
            figures.addAll(pipelineInChildJvm());
        }
        if (runs("sync")) {
            System.err.println("bench: initial sync ...");
            figures.addAll(bench.initialSync(syncRecords, postgresUrl));
        }
        if (runs("latency")) {
            System.err.println("bench: latency ...");
            figures.addAll(bench.latency(latencyRuns));
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() / (1024 * 1024))
                + " MB max heap, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        print(figures, machine);
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(out.resolve("bench-" + stamp + ".csv"), "scenario,measure,value,limited_by\n" + figures.stream()
                .map(f -> csv(f.scenario()) + "," + csv(f.measure()) + "," + csv(f.value()) + "," + csv(f.limitedBy()))
                .collect(Collectors.joining("\n")) + "\n");
        Files.writeString(out.resolve("bench-" + stamp + ".json"), BridgeBench.json(figures, machine));
        System.out.println("bench: written to " + out.resolve("bench-" + stamp + ".csv") + " and .json");
        return 0;
    }

    private boolean runs(String scenario) {
        return only == null || only.contains(scenario);
    }

    private List<BenchFigure> pipelineInChildJvm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + pipelineHeap, "-cp", ManagementFactory.getRuntimeMXBean().getClassPath(),
                BridgeCommand.class.getName(), "bench", "--pipeline-only", "--rows", String.valueOf(rows),
                "--pipeline-invoices", String.valueOf(pipelineInvoices)));
        if (options.routes != null) {
            command.addAll(List.of("--routes", options.routes.toString()));
        }
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<BenchFigure> figures = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("FIGURE\t")) {
                    String[] f = line.split("\t", -1);
                    figures.add(new BenchFigure(f[1], f[2], f[3], f[4]));
                }
            }
        }
        if (child.waitFor() != 0) {
            figures.add(new BenchFigure("pipeline ceiling", "failed", "exit " + child.exitValue(), "see the child JVM's log"));
        }
        return figures;
    }

    private static void print(List<BenchFigure> figures, String machine) {
        System.out.println();
        System.out.println("Infusion Bridge benchmark on " + machine);
        String scenario = null;
        for (BenchFigure f : figures) {
            if (!f.scenario().equals(scenario)) {
                scenario = f.scenario();
                System.out.println();
                System.out.println(scenario);
            }
            System.out.printf("  %-46s %12s   %s%n", f.measure(), f.value(), f.limitedBy().isEmpty() ? "" : "limited by: " + f.limitedBy());
        }
        System.out.println();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
