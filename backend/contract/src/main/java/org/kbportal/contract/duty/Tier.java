package org.kbportal.contract.duty;

/** Support tiers: L1 duty desk, L2 specialists, L3 vendor contacts. */
public enum Tier {
    L1,
    L2,
    L3;

    /** The tier a question escalates to, or {@code null} from the top. */
    public Tier next() {
        return this == L3 ? null : values()[ordinal() + 1];
    }
}
