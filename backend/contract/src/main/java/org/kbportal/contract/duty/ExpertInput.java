package org.kbportal.contract.duty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Registers or changes an expert ({@code PUT /api/admin/experts/{userId}}, ADMIN).
 *
 * @param skills category codes
 * @param maxLoad most open questions at once
 * @param organisation the vendor of an L3 contact
 * @param active null counts as true
 */
public record ExpertInput(
        @NotNull(message = "tier is required (L1, L2 or L3)")
        Tier tier,

        @NotNull @Size(max = 50) List<@Size(min = 1, max = 64) String> skills,

        @NotNull @Min(value = 1, message = "at least 1") @Max(value = 100, message = "at most 100")
        Integer maxLoad,

        @Size(max = 200) String organisation,
        Boolean active) {}
