package com.platepay.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;

/** Reads the books directly, to prove they balance. */
public final class Ledgers {
    private Ledgers() {
    }

    /** Postings whose entries do not sum to zero per currency; empty when the books balance. */
    public static List<String> unbalancedPostings(Pool pool) {
        List<String> unbalanced = new ArrayList<>();
        for (Row row : pool.query("select posting_id, currency, sum(amount) as total from ledger_entries "
                + "group by posting_id, currency having sum(amount) <> 0").execute().await().indefinitely()) {
            unbalanced.add(row.getUUID("posting_id") + " " + row.getString("currency") + " " + row.getLong("total"));
        }
        return unbalanced;
    }

    public static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** The first column of every row, as text. */
    public static List<String> strings(Pool pool, String sql, Object... params) {
        List<String> values = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.from(params)).await().indefinitely()) {
            values.add(row.getString(0));
        }
        return values;
    }
}
