package com.platepay.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Everything PlatePay reads from configuration; see README "Configuration". */
@ConfigMapping(prefix = "platepay")
public interface PlatePayConfig {

    Vault vault();

    Bank bank();

    Mqtt mqtt();

    Charging charging();

    Limits limits();

    Demo demo();

    Oidc oidc();

    Parking parking();

    Offline offline();

    Proofs proofs();

    Cards cards();

    BrokerHooks brokerHooks();

    /**
     * The authentication and authorisation hooks an external EMQX cluster calls (brokerauth.EmqxHookResource); off
     * unless a secret is set. README "Running at scale".
     */
    interface BrokerHooks {
        /** What EMQX sends in the {@code X-PlatePay-Hook-Secret} header; from the environment only, never from git. */
        Optional<String> secret();

        /** How long a device read for a hook is reused: a reconnect storm is then one query per device, not one per try. */
        @WithDefault("2s")
        Duration cacheTtl();

        /**
         * EMQX's management API (e.g. {@code http://emqx:18083}), with an API key and its secret: when set, a device
         * rotated or disabled has its live EMQX session cut at once, as the embedded broker does.
         */
        Optional<String> emqxApiUrl();

        Optional<String> emqxApiKey();

        Optional<String> emqxApiSecret();
    }

    Refunds refunds();

    Settlement settlement();

    /** Refunds whose bank answer is not known are sent again by refunds.RefundJanitor. */
    interface Refunds {
        /** How often the janitor looks. */
        @WithDefault("30s")
        Duration janitorInterval();

        /** How long a refund waits before it is sent again (a person may press retry sooner). */
        @WithDefault("60s")
        Duration retryAfter();

        /** After this many sends a refund stays UNKNOWN for a person. */
        @WithDefault("10")
        int maxAttempts();
    }

    interface Settlement {
        /** The platform's fee on a site's net takings of a day, in basis points (60 = 0.6 %), posted when the day closes. */
        @WithDefault("60")
        long feeBasisPoints();
    }

    /** Vehicle proofs (photos of the vehicle licence): files outside the database, readable by the server only. */
    interface Proofs {
        /** The folder the images are kept in (made with mode 0700; each file 0600, named by its proof id). */
        @WithDefault(".platepay/proofs")
        String dir();

        /** The largest image accepted, in bytes. */
        @WithDefault("5242880")
        int maxBytes();
    }

    /** Adding cards must not become a way to test stolen numbers: attempts that reach the bank, per day. */
    interface Cards {
        @WithDefault("10")
        int maxAttemptsPerAccount();

        /** Per card number, over every account (the vault's fingerprint of the number). */
        @WithDefault("5")
        int maxAttemptsPerCard();
    }

    interface Parking {
        /** How often each lane's offline allow-list is rebuilt (and published when it changed). */
        @WithDefault("30s")
        Duration allowListInterval();
    }

    /** The CNG station's offline handhelds (#13): their allow-list and how long it may be used. */
    interface Offline {
        /** How often each GAS site's handheld allow-list is rebuilt (and published when it changed or is getting old). */
        @WithDefault("30s")
        Duration allowListInterval();

        /** How long a handheld may work offline from one list; it is issued again when half of this has passed. */
        @WithDefault("24h")
        Duration allowListValidity();
    }

    interface Oidc {
        /** How long a token introspection call to Keycloak may wait for its answer (see identity.IntrospectionTimeout). */
        @WithDefault("3s")
        Duration introspectionTimeout();
    }

    /** The demo profile seeds data and writes the handheld's credentials to {@code dir}. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithDefault(".platepay/demo")
        String dir();
    }

    interface Vault {
        /** Base64 of a 256-bit AES key. There is deliberately no default: the server refuses to start without one. */
        String key();

        /** Identifies the key in each ciphertext so keys can be rotated. */
        @WithDefault("k1")
        String keyId();
    }

    interface Bank {
        String url();

        /** How long a debit may take before the charge is left UNKNOWN for the janitor. */
        @WithDefault("1500ms")
        Duration timeout();

        /** Which acquirer port: {@code http} (the simulated HTTP bank at {@link #url()}) or {@code iso8583}. */
        @WithDefault("http")
        String acquirer();

        Iso8583 iso8583();

        /** The ISO 8583 acquirer link (bank.iso8583.Iso8583AcquirerClient); README "ISO 8583 acquirer". */
        interface Iso8583 {
            @WithDefault("127.0.0.1")
            String host();

            @WithDefault("8583")
            int port();

            /** Field 41, the card acceptor terminal id the acquirer issued: 8 characters. */
            @WithDefault("PLATE001")
            String terminalId();

            /** Field 42, the card acceptor (merchant) id: up to 15 characters. */
            @WithDefault("PLATEPAY")
            String merchantId();

            /** Field 32, the acquiring institution id: up to 11 digits. */
            @WithDefault("123456")
            String acquirerId();

            /** Where the STAN counter and the log of sent messages are kept (one folder per terminal id). */
            @WithDefault(".platepay/iso8583")
            String stateDir();

            /** How often an 0800 echo checks the link. */
            @WithDefault("30s")
            Duration echoInterval();

            /** How many times one call sends a reversal, void or completion before it answers FAILED/unknown. */
            @WithDefault("3")
            int adviceAttempts();
        }
    }

    interface Mqtt {
        Embedded embedded();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("8883")
        int port();

        /**
         * MQTT over TLS: the server's connection to the broker, and with the embedded broker its listener on host:port
         * (devices' default). Plain MQTT only when set to false on purpose (README "MQTT over TLS").
         */
        @WithDefault("true")
        boolean tls();

        /**
         * PEM file of the CA(s) the broker's certificate must chain to; host name checked too. Unset: with the
         * embedded broker, the certificates of its own keystore (pinned, no host name check: it is this process);
         * with an external one, the JVM's default trust store.
         */
        Optional<String> tlsCaFile();

        /** Credentials of the server's own client; needed only for an external broker (the embedded one makes its own). */
        Optional<String> username();

        Optional<String> password();

        /** Base64 PKCS#8 Ed25519 key the server signs results with. */
        Optional<String> signingKey();

        /**
         * Where the signing key is kept when {@code signing-key} is not given: read if the file exists, else made
         * and written there (mode 0600). Without either, a fresh key per start that devices cannot have been given.
         */
        Optional<String> signingKeyFile();

        /**
         * Charges between receipt and answer that the gateway takes on: the broker may send this many unacknowledged
         * (MQTT receive maximum), and past it acknowledgements wait, so overload slows devices down instead of piling up.
         */
        @WithDefault("256")
        int maxInFlight();

        /**
         * Who keeps the devices' broker accounts (mqtt.BrokerAccountsSelection): {@code embedded} (the default with the
         * embedded broker), {@code unmanaged} (the default with an external one) or {@code mosquitto-dynsec}.
         */
        Optional<String> accounts();

        /** The server's MQTT client id; each replica needs its own. */
        Optional<String> clientId();

        /**
         * How long the broker keeps the server's session after a disconnect. Unset: 300 s on the embedded broker (one
         * server, whose restart finds its undelivered charges waiting) and 0 on an external one, where replicas share
         * the devices' topics: brokers deliver a shared subscription's messages to offline persistent sessions too, so
         * a dead replica's session would take its share of every charge until it expired. The devices resend what a
         * lost session held.
         */
        Optional<Long> sessionExpirySeconds();

        interface Embedded {
            @WithDefault("true")
            boolean enabled();

            /** Where HiveMQ keeps its data; a temporary folder when absent. */
            Optional<String> dataDir();

            /**
             * Messages the broker queues per client (and per shared subscription) before it discards new ones.
             * HiveMQ's default of 1,000 dropped charges of a burst that the server was still working through.
             */
            @WithDefault("50000")
            long maxQueuedMessages();

            /**
             * The largest MQTT packet the broker takes. A device's message is under 2 KB and the largest the server
             * sends, a lane's allow-list of 200 plates, about 20 KB.
             */
            @WithDefault("65536")
            int maxPacketBytes();

            /** QoS 1 messages one client may have in flight to the broker before it must wait for acknowledgements. */
            @WithDefault("64")
            int receiveMaximum();

            /** PKCS#12 (or JKS) file with the broker's private key and certificate chain, for its TLS listener. */
            Optional<String> keystore();

            /** The keystore's password (also the key's); from the environment or a 0600 file, never from git. */
            Optional<String> keystorePassword();

            /**
             * PEM file of the CA that issues devices' client certificates. Set: the TLS listener asks for a client
             * certificate and a device that presents one must present one of this CA's, named after the device
             * (CN = device id); the password is still required. Unset: server-side TLS only.
             */
            Optional<String> clientCaFile();

            /** A second, plain MQTT listener on host:this port, for devices that cannot do TLS; none unless set. */
            OptionalInt plainPort();

            /**
             * CONNECTs one IP address may make per second (a bucket of as many, refilled at this rate); past it the
             * broker refuses with "connection rate exceeded" before any credential is checked. 0: no limit.
             */
            @WithDefault("20")
            int connectsPerAddressPerSecond();

            /** Addresses the connection rate does not apply to (e.g. a station's NAT gateway), exact IPs. */
            Optional<List<String>> connectRateExempt();
        }
    }

    interface Charging {
        /** How old a device message may be (by its sentAt) and still be accepted. */
        @WithDefault("5m")
        Duration replayWindow();

        @WithDefault("30s")
        Duration maxClockSkew();

        /** Daily caps reset at midnight in this zone. */
        @WithDefault("Asia/Shanghai")
        ZoneId businessZone();

        @WithDefault("5s")
        Duration janitorInterval();

        /** First re-check of an UNKNOWN charge; later ones back off exponentially up to {@link #janitorMaxBackoff}. */
        @WithDefault("2s")
        Duration janitorFirstDelay();

        @WithDefault("10m")
        Duration janitorMaxBackoff();

        /**
         * Reversal attempts before a charge goes to REVERSAL_FAILED, where a person sees it (admin list, metric, a
         * notice to the driver). With the defaults the last attempt is about 40 minutes after the first.
         */
        @WithDefault("12")
        int reversalMaxAttempts();
    }

    /** Password-free payment limits (PBOC rule 43: about CNY 1,000 a day without a second factor). */
    interface Limits {
        @WithDefault("50000")
        long maxPerChargeCap();

        @WithDefault("100000")
        long maxDailyCap();

        /** What one driver may be charged in a day over all their cards and vehicles (the same PBOC limit, per person). */
        @WithDefault("100000")
        long maxDailyPerDriver();
    }
}
