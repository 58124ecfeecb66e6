package org.kbportal.backend.account;

import java.time.Instant;

/** An organisation (单位) users belong to; questions are shared within one, compared by {@code id}. */
public record Organisation(long id, String name, Instant createdAt) {}
