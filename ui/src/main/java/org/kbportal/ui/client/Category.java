package org.kbportal.ui.client;

import java.util.Locale;

/** A node of the category tree; {@code parentCode} is null at the top. */
public record Category(String code, String parentCode, String nameZh, String nameEn, int sortOrder) {

    /** The name in the user's language: Chinese unless the locale is English. */
    public String name(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String name = english ? nameEn : nameZh;
        return name == null || name.isBlank() ? code : name;
    }
}
