package org.kbportal.backend.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A bge-small model from its langchain4j jar, run by ONNX Runtime with one thread per call and no
 * spin-waiting. The jar's own class uses ONNX's default session: a thread pool per call whose idle
 * threads spin, so concurrent searches burn each other's CPU; the application already runs one
 * embedding per request thread (and imports parallelise over texts), so one thread per call is the
 * better split on few cores. Measured in docs/BENCHMARKS.md (QueryEmbeddingCost).
 */
final class BgeModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private BgeModel(OnnxBertBiEncoder encoder, int dimension, Executor executor) {
        super(executor);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    static BgeModel chinese(Executor executor) {
        return load(
                dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel.class,
                "bge-small-zh-v1.5-q",
                512,
                executor);
    }

    static BgeModel english(Executor executor) {
        return load(
                dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel.class,
                "bge-small-en-v1.5-q",
                384,
                executor);
    }

    /** Reads {@code name.onnx} and {@code name-tokenizer.json} from the jar that holds {@code anchor}. */
    private static BgeModel load(Class<?> anchor, String name, int dimension, Executor executor) {
        ClassLoader loader = anchor.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(name + ".onnx");
                InputStream tokenizer = loader.getResourceAsStream(name + "-tokenizer.json")) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("Model " + name + " not found next to " + anchor.getName());
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new BgeModel(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS), dimension, executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load model " + name, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
