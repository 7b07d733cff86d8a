package com.platepay.attendants;

import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The calling attendant's record. Disabled here takes effect at once, even while their last token is still valid. */
@ApplicationScoped
public class AttendantDirectory {

    private final CurrentUser user;

    public AttendantDirectory(CurrentUser user) {
        this.user = user;
    }

    /** Must run inside a session. */
    public Uni<Attendant> current() {
        return Attendant.<Attendant>find("subject = ?1 and status = ?2", user.subject(), Attendant.Status.ACTIVE).firstResult()
                .map(a -> {
                    if (a == null) {
                        throw new ApiException(403, "NOT_AN_ATTENDANT", "this account is not an active attendant of any site");
                    }
                    return a;
                });
    }
}
