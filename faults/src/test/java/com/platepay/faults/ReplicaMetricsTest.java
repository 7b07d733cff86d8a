package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplicaMetricsTest {

    @Test
    void sumsTheChargeCounterOverStatusAndReasonAndNothingElse() {
        String scrape = """
                # HELP platepay_charges_total
                # TYPE platepay_charges_total counter
                platepay_charges_total{reason="APPROVED",status="APPROVED"} 12.0
                platepay_charges_total{reason="OVER_DAILY_CAP",status="DECLINED"} 3.0
                platepay_charges_reversal_failed_total 7.0
                platepay_mqtt_in_flight 2.0
                """;
        assertEquals(15, ReplicaMetrics.parse(scrape));
    }
}
