package org.kbportal.backend.account;

/** What a user may do: ask and read (USER), answer (EXPERT), curate and administer (ADMIN). */
public enum Role {
    USER,
    EXPERT,
    ADMIN
}
