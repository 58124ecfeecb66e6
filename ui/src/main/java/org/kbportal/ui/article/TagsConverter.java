package org.kbportal.ui.article;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Tags typed as one line, separated by commas or semicolons (Chinese punctuation too, since that
 * is what a Chinese keyboard produces), to and from a clean list without blanks or duplicates.
 */
class TagsConverter implements Converter<String, List<String>> {

    private static final long serialVersionUID = 1L;
    static final int MAX_TAG_LENGTH = 50;

    @Override
    public Result<List<String>> convertToModel(String value, ValueContext context) {
        if (value == null || value.isBlank()) {
            return Result.ok(List.of());
        }
        List<String> tags = Arrays.stream(value.split("[,，;；、\\n]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        return Result.ok(tags);
    }

    @Override
    public String convertToPresentation(List<String> value, ValueContext context) {
        return value == null ? "" : String.join(", ", value);
    }
}
