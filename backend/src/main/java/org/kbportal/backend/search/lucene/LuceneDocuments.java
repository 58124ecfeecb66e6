package org.kbportal.backend.search.lucene;

import static org.kbportal.backend.search.lucene.LuceneQueries.*;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.Vectors;

/** How a unit ({@link IndexDoc}) becomes a Lucene document, and how a generation's units are replaced. */
final class LuceneDocuments {

    /** Body text with offsets in the postings, so snippets need no re-analysis (fast highlighting). */
    static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        // a 500-character query over several fields stays below this
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
    }

    static void write(Generation g, Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        if (!articleIds.isEmpty()) {
            g.writer.deleteDocuments(new TermInSetQuery(
                    ARTICLE_ID, articleIds.stream().map(BytesRef::new).toList()));
        }
        for (IndexDoc d : docs) {
            g.writer.addDocument(document(d));
        }
    }

    static Document document(IndexDoc d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new StringField(ARTICLE_ID, d.articleId(), Field.Store.YES));
        if (d.primary()) {
            doc.add(new StringField(PRIMARY, "1", Field.Store.NO));
        }
        keyword(doc, TYPE, d.type());
        keyword(doc, LANG, d.lang());
        keyword(doc, STATUS, d.status());
        keyword(doc, CATEGORY, d.category() == null ? "" : d.category());
        for (String c : d.categoryPath()) {
            doc.add(new StringField(CATEGORY_PATH, c, Field.Store.NO));
        }
        doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
        doc.add(new Field(BODY, d.body(), BODY_TYPE));
        doc.add(new TextField(TAGS, String.join(" ", d.tags()), Field.Store.NO));
        doc.add(new TextField(SPELL, d.title() + "\n" + d.body(), Field.Store.NO));
        doc.add(new NumericDocValuesField(UPDATED, d.updatedAt()));
        doc.add(new StoredField(UPDATED, d.updatedAt()));
        if (d.vector() != null) {
            doc.add(new KnnFloatVectorField(
                    vectorField(d.lang(), "PUBLISHED".equals(d.status())),
                    Vectors.unitLength(d.vector()),
                    VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /**
     * Vectors of published units and of the rest live in separate fields, so the public dense search
     * (nearly every search) needs no visibility filter: a filtered HNSW search first builds a bit set
     * of every visible document, which was 15 % of search time on 77k units.
     */
    static String vectorField(String lang, boolean published) {
        return "vec_" + ("en".equals(lang) ? "en" : "zh") + (published ? "" : "_hidden");
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private LuceneDocuments() {}
}
