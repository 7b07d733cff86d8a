package com.platepay.holds;

/**
 * How much a cylinder can take, priced. CNG is sold by the cubic metre at standard conditions; a cylinder of water
 * capacity V filled to working pressure P holds about V x P / p0 of it (p0 = 101.325 kPa; the ideal gas law, which
 * over-states real CNG a little, so the hold errs on the side of enough). Rounded up to the fen.
 */
public final class HoldSizing {

    private static final long STANDARD_PRESSURE_PA = 101_325;

    private HoldSizing() {
    }

    /** Fen for filling cylinders of {@code waterCapacityMl} at {@code workingPressureKpa}, at {@code unitPrice} fen per m3. */
    public static long fullTank(long waterCapacityMl, int workingPressureKpa, long unitPrice) {
        // m3 = ml / 1e6 * (kPa * 1000 / 101325); fen = m3 * price. All in integers, then rounded up.
        java.math.BigInteger numerator = java.math.BigInteger.valueOf(waterCapacityMl).multiply(java.math.BigInteger.valueOf(workingPressureKpa))
                .multiply(java.math.BigInteger.valueOf(unitPrice)).multiply(java.math.BigInteger.valueOf(1000));
        java.math.BigInteger denominator = java.math.BigInteger.valueOf(1_000_000L * STANDARD_PRESSURE_PA);
        java.math.BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }
}
