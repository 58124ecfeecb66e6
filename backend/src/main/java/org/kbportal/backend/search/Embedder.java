package org.kbportal.backend.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * In-process sentence embeddings, one model per language: bge-small-zh-v1.5 (quantized) for Chinese,
 * bge-small-en-v1.5 (quantized) for English (the Chinese model is poor on English: MRR 0.56 vs 0.96
 * on StackFAQ). The models ship inside their jars; nothing is downloaded. Blocking and CPU-bound:
 * call it off the event loop. Models load on first use.
 */
public class Embedder implements AutoCloseable {

    /** BGE's instruction for short English queries against passages (helps English, hurts Chinese). */
    static final String EN_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final boolean enabled;
    private final boolean tuned;
    private final int maxChars;
    private final ExecutorService executor;
    private volatile EmbeddingModel zh;
    private volatile EmbeddingModel en;
    /**
     * Every embedding holds the read side while ONNX runs; {@link #close()} takes the write side, so the
     * JVM never exits (ONNX's native teardown) while a daemon thread is inside a session: that crashed
     * the JVM with SIGSEGV in libonnxruntime when a stop came during an outbox drain.
     */
    private final ReadWriteLock inUse = new ReentrantReadWriteLock();

    private volatile boolean closed;

    public Embedder(boolean enabled, int maxChars) {
        this(enabled, maxChars, true);
    }

    /** {@code tuned}: one ONNX thread per call without spinning ({@link BgeModel}); false: the jar's defaults. */
    public Embedder(boolean enabled, int maxChars, boolean tuned) {
        this.tuned = tuned;
        this.enabled = enabled;
        this.maxChars = maxChars;
        this.executor =
                Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "embedder");
                    t.setDaemon(true);
                    return t;
                });
    }

    public boolean enabled() {
        return enabled;
    }

    /** zh when the text has any Han character, else en. */
    public static String languageOf(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh"
                : "en";
    }

    /** The query's vector, with the model of the query's language; null when disabled. */
    public float[] embedQuery(String text, String lang) {
        if (!enabled) {
            return null;
        }
        String input = clip(text);
        if ("en".equals(lang)) {
            input = EN_QUERY_INSTRUCTION + input;
        }
        String query = input;
        return running(() -> {
            EmbeddingModel model = model(lang);
            return model instanceof BgeModel bge
                    ? bge.embedOne(query)
                    : model.embed(query).content().vector();
        });
    }

    /** Vectors for passages of one language, in order. */
    public List<float[]> embedPassages(List<String> texts, String lang) {
        if (!enabled || texts.isEmpty()) {
            return texts.stream().map(t -> (float[]) null).toList();
        }
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(clip(t.isBlank() ? "-" : t)))
                .toList();
        return running(() -> model(lang).embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toList());
    }

    private <T> T running(Supplier<T> embedding) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedder is closed (the backend is stopping)");
            }
            return embedding.get();
        } finally {
            inUse.readLock().unlock();
        }
    }

    /**
     * Loads both models and runs each once, so the first search after start-up does not pay for it
     * (right after start-up 2.2 s → 0.9 s on the 2-core machine, docs/BENCHMARKS.md). Idempotent; nothing when disabled.
     */
    public void warmUp() {
        if (enabled) {
            embedQuery("数据库连接失败", "zh");
            embedQuery("database connection failed", "en");
        }
    }

    /** The languages whose model is loaded. */
    public java.util.Set<String> loadedModels() {
        java.util.Set<String> loaded = new java.util.TreeSet<>();
        if (en != null) {
            loaded.add("en");
        }
        if (zh != null) {
            loaded.add("zh");
        }
        return loaded;
    }

    private String clip(String text) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    private EmbeddingModel model(String lang) {
        if ("en".equals(lang)) {
            EmbeddingModel m = en;
            if (m == null) {
                synchronized (this) {
                    if (en == null) {
                        en = tuned ? BgeModel.english(executor) : new BgeSmallEnV15QuantizedEmbeddingModel(executor);
                    }
                    m = en;
                }
            }
            return m;
        }
        EmbeddingModel m = zh;
        if (m == null) {
            synchronized (this) {
                if (zh == null) {
                    zh = tuned ? BgeModel.chinese(executor) : new BgeSmallZhV15QuantizedEmbeddingModel(executor);
                }
                m = zh;
            }
        }
        return m;
    }

    @Override
    public void close() {
        try {
            // batches in flight finish (an ONNX run takes milliseconds); later calls are refused
            if (inUse.writeLock().tryLock(30, TimeUnit.SECONDS)) {
                closed = true;
                inUse.writeLock().unlock();
            }
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
