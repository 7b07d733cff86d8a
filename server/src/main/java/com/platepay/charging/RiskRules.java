package com.platepay.charging;

import com.platepay.enrollment.Mandate;
import com.platepay.protocol.charge.ReasonCodes;
import jakarta.enterprise.context.ApplicationScoped;

/** The checks that need no database round trip. The daily cap is checked atomically in {@link DailyCaps}. */
@ApplicationScoped
public class RiskRules {

    /** The decline reason, or null when the charge may go to the bank. */
    public String check(Mandate mandate, ChargeCommand command) {
        if (mandate.status == Mandate.Status.PAUSED) {
            return ReasonCodes.MANDATE_PAUSED;
        }
        if (mandate.status == Mandate.Status.REVOKED) {
            return ReasonCodes.MANDATE_REVOKED;
        }
        if (!mandate.allows(command.siteCategory())) {
            return ReasonCodes.CATEGORY_NOT_ALLOWED;
        }
        if (!mandate.currency.equals(command.currency())) {
            return ReasonCodes.CURRENCY_MISMATCH;
        }
        if (command.amount() > mandate.perChargeCap) {
            return ReasonCodes.OVER_CHARGE_CAP;
        }
        return null;
    }
}
