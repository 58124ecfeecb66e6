package org.kbportal.backend.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kbportal.backend.BackendMain;
import org.kbportal.backend.ingest.FirstStart;
import org.kbportal.backend.search.SearchService;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The in-process floor of the search benchmark ({@code bench/atec.py}): the same queries through the
 * whole search pipeline ({@link SearchService}: synonyms, query embedding, lexical + dense
 * candidates, fusion, snippets, query log) on an existing data directory, without HTTP. Not a test;
 * run on demand:
 *
 * <pre>java -cp ... org.kbportal.backend.bench.InProcessSearchBench DATA_DIR QUERIES.jsonl ROUNDS CLIENTS...</pre>
 */
public final class InProcessSearchBench {

    private InProcessSearchBench() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        List<String> queries = queries(Path.of(args[1]));
        int rounds = Integer.parseInt(args[2]);
        ConfigurableApplicationContext ctx = BackendMain.builder()
                .run(
                        "--server.port=0",
                        "--kb.data-dir=" + dataDir,
                        "--kb.seed.index-data=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
        try {
            ctx.getBean(FirstStart.class).ready().block(Duration.ofMinutes(5));
            SearchService search = ctx.getBean(SearchService.class);
            for (String q : queries.subList(0, Math.min(50, queries.size()))) { // warm-up
                search.search(q, null, null, null, 0, 10, SearchService.Searcher.ANONYMOUS)
                        .block();
            }
            for (int i = 3; i < args.length; i++) {
                int clients = Integer.parseInt(args[i]);
                List<Double> ms = run(search, queries, rounds, clients);
                Collections.sort(ms);
                System.out.printf(
                        "in-process clients=%d n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms%n",
                        clients, ms.size(), pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99));
            }
        } finally {
            ctx.close();
        }
    }

    private static List<Double> run(SearchService search, List<String> queries, int rounds, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                parts.add(pool.submit(() -> {
                    List<Double> out = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        for (int k = offset; k < queries.size(); k += clients) {
                            long t0 = System.nanoTime();
                            search.search(queries.get(k), null, null, null, 0, 10, SearchService.Searcher.ANONYMOUS)
                                    .block();
                            out.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                    return out;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static List<String> queries(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("query").asString());
            }
        }
        return out;
    }
}
