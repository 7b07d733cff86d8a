package com.platepay.cylinders;

import com.platepay.protocol.charge.Money;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.FillCodes;

/** The result bodies a handheld is sent for a cylinder-check. */
public final class CylinderCheckResults {

    private CylinderCheckResults() {
    }

    public static CylinderCheckResult of(CylinderCheck c, Long held) {
        boolean fill = FillCodes.FILL_ALLOWED.equals(c.fillCode);
        boolean pay = ReasonCodes.APPROVED.equals(c.paymentCode);
        String message = !fill ? "Do not fill: " + words(c.fillCode)
                : pay ? "Fill; pays frictionlessly" + (held == null ? "" : "; " + Money.format(held) + " " + c.currency + " held") : "Fill; take another payment (" + c.paymentCode + ")";
        return new CylinderCheckResult(c.requestRef, CylinderCheckResult.CHECKED, c.fillCode, c.id.toString(),
                fill ? CylinderCheckResult.ALLOWED : CylinderCheckResult.REFUSED, c.fillCode,
                pay ? CylinderCheckResult.ALLOWED : CylinderCheckResult.REFUSED, c.paymentCode, c.remaining, c.currency, held, c.plate,
                c.tagId, c.nextInspectionDue, message);
    }

    public static CylinderCheckResult rejected(String requestId, String code, String message) {
        String text = message == null || message.length() <= 200 ? message : message.substring(0, 200);
        return new CylinderCheckResult(requestId, CylinderCheckResult.REJECTED, code, null, null, null, null, null, null, null, null,
                null, null, null, text);
    }

    private static String words(String fillCode) {
        return switch (fillCode) {
            case FillCodes.CYLINDER_UNREGISTERED -> "cylinder not registered";
            case FillCodes.CYLINDER_OTHER_PLATE -> "cylinder registered to another vehicle";
            case FillCodes.CYLINDER_UNCONFIRMED -> "cylinder registration not yet confirmed";
            case FillCodes.CYLINDER_FLAGGED -> "cylinder flagged by staff";
            case FillCodes.PAST_DESIGN_LIFE -> "cylinder past its design life";
            case FillCodes.INSPECTION_OVERDUE -> "cylinder inspection overdue";
            case FillCodes.MEDIUM_MISMATCH -> "cylinder is for another medium";
            default -> fillCode;
        };
    }
}
