package com.platepay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemoteDatabaseTest {

    @Test
    void readsHostPortAndDatabaseWithOrWithoutJdbc() {
        assertEquals(new RemoteDatabase("10.0.0.5", 45433, "platepay", "u", "p"),
                RemoteDatabase.parse("postgresql://10.0.0.5:45433/platepay", "u", "p"));
        assertEquals(new RemoteDatabase("db", 5432, "pp", "u", "p"), RemoteDatabase.parse("jdbc:postgresql://db/pp", "u", "p"));
    }

    @Test
    void refusesAUrlWithoutADatabase() {
        assertThrows(IllegalArgumentException.class, () -> RemoteDatabase.parse("postgresql://db:5432/", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> RemoteDatabase.parse("mysql://db:3306/pp", "u", "p"));
    }
}
