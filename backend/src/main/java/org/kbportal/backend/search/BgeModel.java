package org.kbportal.backend.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A bge-small model from its langchain4j jar, run by ONNX Runtime with one thread per call and no
 * spin-waiting. The jar's own class uses ONNX's default session: a thread pool per call whose idle
 * threads spin, so concurrent searches burn each other's CPU; the application already runs one
 * embedding per request thread (and imports parallelise over texts), so one thread per call is the
 * better split on few cores. Measured in docs/BENCHMARKS.md (QueryEmbeddingCost).
 */
final class BgeModel extends AbstractInProcessEmbeddingModel {

    /** BERT's limit including [CLS] and [SEP]; longer texts take langchain4j's chunk-and-average path. */
    private static final int MAX_TOKENS = 512;

    private final OnnxBertBiEncoder encoder;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final int dimension;

    private BgeModel(
            OnnxBertBiEncoder encoder,
            OrtEnvironment environment,
            OrtSession session,
            HuggingFaceTokenizer tokenizer,
            int dimension,
            Executor executor) {
        super(executor);
        this.encoder = encoder;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.dimension = dimension;
    }

    /**
     * The unit-length CLS vector of one short text, tokenised once and run directly: the same vector as
     * {@code embed(text)} for texts within {@link #MAX_TOKENS}, without langchain4j's second tokenisation
     * and full output copy (≈ 10 % less CPU per query, docs/BENCHMARKS.md).
     */
    float[] embedOne(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        if (ids.length > MAX_TOKENS) {
            return embed(text).content().vector();
        }
        long[] shape = {1, ids.length};
        long[] mask = encoding.getAttentionMask();
        Map<String, OnnxTensor> inputs = new HashMap<>(4);
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [1, tokens, dimension]: the CLS row comes first
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] cls = new float[dimension];
                hidden.get(cls);
                return Vectors.unitLength(cls);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
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
            byte[] tokenizerJson = tokenizer.readAllBytes();
            return new BgeModel(
                    new OnnxBertBiEncoder(
                            environment, session, new ByteArrayInputStream(tokenizerJson), PoolingMode.CLS),
                    environment,
                    session,
                    // the same options as langchain4j's encoder, so both give the same token ids
                    HuggingFaceTokenizer.newInstance(
                            new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false")),
                    dimension,
                    executor);
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
