package com.platepay.platform;

import io.vertx.pgclient.PgException;

public final class Db {
    private Db() {
    }

    /** Whether a failure was a unique-constraint violation (SQLSTATE 23505), however deeply wrapped. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
