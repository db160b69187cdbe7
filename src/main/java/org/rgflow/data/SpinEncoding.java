package org.rgflow.data;

/**
 * How a spin s &isin; {-1, +1} is presented as a number. On disk spins are always stored as int8
 * &plusmn;1 ({@link #PLUS_MINUS_ONE}); readers convert on the fly.
 */
public enum SpinEncoding {
    /** v = s &isin; {-1, +1}: the physics convention. */
    PLUS_MINUS_ONE("plus-minus-one"),
    /** v = (s + 1) / 2 &isin; {0, 1}: the Bernoulli visible units of an RBM. */
    ZERO_ONE("zero-one");

    private final String id;

    SpinEncoding(String id) {
        this.id = id;
    }

    /** The name used in manifests and configs: {@code plus-minus-one} or {@code zero-one}. */
    public String id() {
        return id;
    }

    /** The encoded value of spin {@code s} (&plusmn;1). */
    public float encode(byte s) {
        return this == PLUS_MINUS_ONE ? s : (s + 1) >> 1;
    }

    /**
     * The spin (&plusmn;1) of an encoded value.
     *
     * @throws IllegalArgumentException if {@code v} is not one of this encoding's two values
     */
    public byte decode(double v) {
        if (v == 1.0) {
            return 1;
        }
        if (v == (this == PLUS_MINUS_ONE ? -1.0 : 0.0)) {
            return -1;
        }
        throw new IllegalArgumentException("value " + v + " is not a spin in encoding " + id
                + (this == PLUS_MINUS_ONE ? " (expected -1 or +1)" : " (expected 0 or 1)"));
    }

    /** Parses {@link #id()} (also accepts the enum constant name). */
    public static SpinEncoding fromId(String id) {
        for (SpinEncoding e : values()) {
            if (e.id.equals(id) || e.name().equalsIgnoreCase(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown spin encoding '" + id + "'; use plus-minus-one or zero-one");
    }
}
