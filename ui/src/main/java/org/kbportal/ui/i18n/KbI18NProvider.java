package org.kbportal.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's texts in Simplified Chinese (the default) and English, from {@code
 * i18n/messages_zh_CN.properties} and {@code i18n/messages_en.properties} (UTF-8). Any locale whose
 * language is not English gets Chinese.
 */
@Component
public class KbI18NProvider implements I18NProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(KbI18NProvider.class);

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Properties chinese = load("i18n/messages_zh_CN.properties");
    private final Properties english = load("i18n/messages_en.properties");

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern = bundle(locale).getProperty(key);
        if (pattern == null) {
            log.warn("Missing UI text '{}' for {}", key, locale);
            return "!" + key;
        }
        // MessageFormat only when needed: it would treat a lone apostrophe as a quote
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
    }

    /** Whether a text exists; for keys built from backend values (problem types, statuses). */
    public boolean hasTranslation(String key) {
        return chinese.containsKey(key);
    }

    /** The supported locale closest to the given one. */
    public static Locale supported(Locale locale) {
        return isEnglish(locale) ? ENGLISH : CHINESE;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private Properties bundle(Locale locale) {
        return isEnglish(locale) ? english : chinese;
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = KbI18NProvider.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("UI texts missing: " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
