package io.infusionbridge.bench;

/** One line of the benchmark's table: what was measured, the figure, and what limits it. */
public record BenchFigure(String scenario, String measure, String value, String limitedBy) {
}
