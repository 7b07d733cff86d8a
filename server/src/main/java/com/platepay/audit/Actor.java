package com.platepay.audit;

import com.platepay.platform.CurrentUser;

/**
 * Who acts, as the audit log records it: the signed-in user, or a named part of the system acting on its own
 * behalf (the demo and fleet seeders approving their own vehicles' proofs).
 */
public record Actor(String subject, String name, String role) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.subject(), user.username(), user.role());
    }

    public static Actor system(String name) {
        return new Actor("system:" + name, name, "system");
    }
}
