package com.platepay.faults;

/** Which broker the handhelds and the server meet at. */
enum BrokerMode {
    /** Mosquitto when installed, else embedded. */
    AUTO,
    /** The server's embedded HiveMQ: it restarts with the server, so a broker restart is a server restart. */
    EMBEDDED,
    /** Debian's Mosquitto as its own process, restartable on its own. */
    MOSQUITTO
}
