package com.platepay.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the server's tables over JDBC, by the external contract (the SQL schema), not through its code. */
final class DatabaseReader {
    private static final String CHARGES = """
            select c.id, c.device_id, c.charge_ref, c.status, c.reason_code, c.amount, c.business_day,
                   c.mandate_id, c.driver_id, c.card_id, k.pan_fingerprint, m.daily_cap
            from charges c left join cards k on k.id = c.card_id left join mandates m on m.id = c.mandate_id""";
    private static final String UNBALANCED = """
            select posting_id, currency, sum(amount) as total from ledger_entries
            group by posting_id, currency having sum(amount) <> 0""";
    private static final String RECEIVABLE = """
            select p.charge_id, sum(e.amount) as net from ledger_postings p join ledger_entries e on e.posting_id = p.id
            where e.account = 'acquirer:receivable' and p.charge_id is not null group by p.charge_id""";
    private static final String APPROVAL_POSTINGS = """
            select charge_id, count(*) as n from ledger_postings
            where kind = 'CHARGE_APPROVED' and charge_id is not null group by charge_id""";
    private static final String UNSETTLED = "select (select count(*) from charges where status in ('RECEIVED', 'AUTHORIZING', 'UNKNOWN'))"
            + " + (select count(*) from holds where status in ('PLACING', 'HELD', 'UNKNOWN', 'COMPLETING', 'VOIDING'))"
            + " + (select count(*) from vouchers where status = 'RECEIVED')";
    private static final String VOUCHERS = "select device_id, counter, status, reason_code, amount, charge_ref, charge_id, created_at from vouchers";
    private static final String HOLDS = "select id, status, amount, captured, charge_id from holds";

    private final PostgresNode postgres;

    DatabaseReader(PostgresNode postgres) {
        this.postgres = postgres;
    }

    List<ChargeRow> charges() throws SQLException {
        List<ChargeRow> rows = new ArrayList<>();
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(CHARGES); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long cap = r.getLong("daily_cap");
                rows.add(new ChargeRow(r.getString("id"), r.getString("device_id"), r.getString("charge_ref"), r.getString("status"),
                        r.getString("reason_code"), r.getLong("amount"), r.getString("business_day"), r.getString("mandate_id"),
                        r.getString("driver_id"), r.getString("card_id"), r.getString("pan_fingerprint"), r.wasNull() ? null : cap));
            }
        }
        return rows;
    }

    LedgerFacts ledger() throws SQLException {
        try (Connection c = postgres.connect()) {
            List<String> unbalanced = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(UNBALANCED); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    unbalanced.add(r.getString("posting_id") + " " + r.getString("currency") + " " + r.getLong("total"));
                }
            }
            long total = single(c, "select coalesce(sum(amount), 0) from ledger_entries");
            Map<String, Long> receivable = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(RECEIVABLE); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    receivable.put(r.getString("charge_id"), r.getLong("net"));
                }
            }
            Map<String, Integer> approvals = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(APPROVAL_POSTINGS); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    approvals.put(r.getString("charge_id"), r.getInt("n"));
                }
            }
            return new LedgerFacts(unbalanced, total, receivable, approvals);
        }
    }

    List<HoldRow> holds() throws SQLException {
        List<HoldRow> rows = new ArrayList<>();
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(HOLDS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long captured = r.getLong("captured");
                Long capturedOrNull = r.wasNull() ? null : captured;
                rows.add(new HoldRow(r.getString("id"), r.getString("status"), r.getLong("amount"), capturedOrNull, r.getString("charge_id")));
            }
        }
        return rows;
    }

    List<VoucherRow> vouchers() throws SQLException {
        List<VoucherRow> rows = new ArrayList<>();
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(VOUCHERS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new VoucherRow(r.getString("device_id"), r.getLong("counter"), r.getString("status"), r.getString("reason_code"),
                        r.getLong("amount"), r.getString("charge_ref"), r.getString("charge_id"), r.getTimestamp("created_at").toInstant()));
            }
        }
        return rows;
    }

    /** Charges, holds and vouchers the janitors have still to end. */
    long unsettled() throws SQLException {
        try (Connection c = postgres.connect()) {
            return single(c, UNSETTLED);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
