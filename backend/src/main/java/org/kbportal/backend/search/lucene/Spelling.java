package org.kbportal.backend.search.lucene;

import static org.kbportal.backend.search.lucene.LuceneQueries.*;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/** "Did you mean": Latin words of four letters or more that no unit contains, corrected from the index. */
final class Spelling {

    static Optional<String> correct(IndexReader reader, String text) throws IOException {
        {
            DirectSpellChecker spell = new DirectSpellChecker();
            spell.setMinQueryLength(4);
            StringBuilder corrected = new StringBuilder();
            boolean changed = false;
            var matcher =
                    java.util.regex.Pattern.compile("[A-Za-z]+|[^A-Za-z]+").matcher(text);
            {
                while (matcher.find()) {
                    String part = matcher.group();
                    String word = part.toLowerCase(Locale.ROOT);
                    if (Character.isLetter(part.charAt(0))
                            && word.length() >= 4
                            && reader.docFreq(new Term(SPELL, word)) == 0) {
                        SuggestWord[] s = spell.suggestSimilar(
                                new Term(SPELL, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                        if (s.length > 0) {
                            corrected.append(s[0].string);
                            changed = true;
                            continue;
                        }
                    }
                    corrected.append(part);
                }
            }
            return changed ? Optional.of(corrected.toString()) : Optional.empty();
        }
    }

    private Spelling() {}
}
