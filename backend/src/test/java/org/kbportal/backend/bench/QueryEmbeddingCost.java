package org.kbportal.backend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kbportal.backend.search.Embedder;

/**
 * CPU time of embedding one query, the part of a hybrid search no index tuning can remove. Measured as
 * CPU time (of the calling thread, and of the whole process so ONNX's own threads count), not wall time,
 * so it holds on a loaded machine. Not a test; run on demand:
 *
 * <pre>java -cp ... org.kbportal.backend.bench.QueryEmbeddingCost QUERIES.jsonl N [TUNED=true]</pre>
 */
public final class QueryEmbeddingCost {

    private QueryEmbeddingCost() {}

    public static void main(String[] args) throws Exception {
        List<String> queries = new ArrayList<>();
        var json = new tools.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                queries.add(json.readTree(line).get("query").asString());
            }
        }
        int n = Math.min(Integer.parseInt(args[1]), queries.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean tuned = args.length < 3 || Boolean.parseBoolean(args[2]);
        System.out.println("tuned ONNX session: " + tuned);
        try (Embedder embedder = new Embedder(true, 600, tuned)) {
            for (String q : queries.subList(0, Math.min(50, n))) { // warm-up
                embedder.embedQuery(q, Embedder.languageOf(q));
            }
            List<Double> cpu = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            for (String q : queries.subList(0, n)) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                embedder.embedQuery(q, Embedder.languageOf(q));
                cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                wall.add((System.nanoTime() - w0) / 1e6);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long p0 = os.getProcessCpuTime();
            for (String q : queries.subList(0, n)) {
                embedder.embedQuery(q, Embedder.languageOf(q));
            }
            double processMean = (os.getProcessCpuTime() - p0) / 1e6 / n;
            Collections.sort(cpu);
            Collections.sort(wall);
            System.out.printf(
                    "query embedding n=%d calling-thread cpu p50 %.2f ms mean %.2f ms p99 %.2f ms | whole-process cpu mean"
                            + " %.2f ms (ONNX threads included) | wall p50 %.2f ms%n",
                    n,
                    InProcessSearchBench.pct(cpu, 0.5),
                    cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    InProcessSearchBench.pct(cpu, 0.99),
                    processMean,
                    InProcessSearchBench.pct(wall, 0.5));
        }
    }
}
