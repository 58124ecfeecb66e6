package org.kbportal.contract.notify;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The language of one's e-mails and in-portal notifications ({@code /api/notifications/language}). */
public record NotificationLanguage(
        @NotNull @Pattern(regexp = "zh|en", message = "zh or en")
        String lang) {}
