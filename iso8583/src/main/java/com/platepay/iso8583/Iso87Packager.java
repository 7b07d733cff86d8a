package com.platepay.iso8583;

import java.io.IOException;
import java.io.InputStream;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.packager.GenericPackager;

/** PlatePay's ISO 8583:1987 ASCII field set (platepay-iso87.xml beside this class; iso8583/README.md lists it). */
public final class Iso87Packager {
    private Iso87Packager() {
    }

    public static ISOPackager create() {
        try (InputStream xml = Iso87Packager.class.getResourceAsStream("platepay-iso87.xml")) {
            if (xml == null) {
                throw new IllegalStateException("platepay-iso87.xml is missing from the class path");
            }
            return new GenericPackager(xml);
        } catch (ISOException | IOException e) {
            throw new IllegalStateException("the ISO 8583 field set could not be loaded", e);
        }
    }
}
