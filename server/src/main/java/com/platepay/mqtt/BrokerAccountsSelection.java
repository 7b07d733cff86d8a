package com.platepay.mqtt;

import com.platepay.platform.PlatePayConfig;
import com.platepay.sites.BrokerAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The one {@link BrokerAccounts} everyone injects, chosen by {@code platepay.mqtt.accounts}: {@code embedded} (the
 * default with the embedded broker), {@code unmanaged} (the default with an external one) or
 * {@code mosquitto-dynsec}.
 */
@ApplicationScoped
public class BrokerAccountsSelection {
    static final String EMBEDDED = "embedded";
    static final String UNMANAGED = "unmanaged";
    static final String MOSQUITTO_DYNSEC = "mosquitto-dynsec";

    static String mode(PlatePayConfig.Mqtt mqtt) {
        return mqtt.accounts().orElse(mqtt.embedded().enabled() ? EMBEDDED : UNMANAGED);
    }

    @Produces
    @ApplicationScoped
    BrokerAccounts accounts(PlatePayConfig config, Instance<DatabaseBrokerAccounts> database, Instance<MosquittoDynamicSecurity> dynsec) {
        String mode = mode(config.mqtt());
        return switch (mode) {
            case EMBEDDED, UNMANAGED -> database.get();
            case MOSQUITTO_DYNSEC -> dynsec.get();
            default -> throw new IllegalStateException("platepay.mqtt.accounts must be embedded, unmanaged or mosquitto-dynsec, not " + mode);
        };
    }
}
