package com.platepay.protocol.cylinder;

import java.util.List;

/** Filling media: compressed and liquefied natural gas, and hydrogen-blended CNG. */
public final class Media {
    public static final String CNG = "CNG";
    public static final String LNG = "LNG";
    public static final String HCNG = "HCNG";
    public static final List<String> ALL = List.of(CNG, LNG, HCNG);

    private Media() {
    }
}
