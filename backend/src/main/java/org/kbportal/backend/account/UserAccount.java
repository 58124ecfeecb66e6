package org.kbportal.backend.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Set;

/**
 * A user with the organisation profile (用户档案); the password hash never leaves the backend. {@code unit} is the
 * name of the organisation {@code organisationId} (kept for older clients); access compares the id.
 */
public record UserAccount(
        long id,
        String username,
        @JsonIgnore String passwordHash,
        String displayName,
        String email,
        String phone,
        String unit,
        Long organisationId,
        String address,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt) {}
