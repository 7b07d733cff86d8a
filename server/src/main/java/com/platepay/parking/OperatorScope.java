package com.platepay.parking;

import com.platepay.platform.ApiException;
import com.platepay.sites.Operator;
import com.platepay.sites.Site;
import com.platepay.sites.SiteCategory;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** An operator's own lots, lanes, sessions and passes; another organisation's are 404, as if they did not exist. */
final class OperatorScope {

    private OperatorScope() {
    }

    static Uni<Site> site(Operator o, UUID siteId) {
        return Site.<Site>find("id = ?1 and operatorId = ?2", siteId, o.id).firstResult().map(s -> {
            if (s == null) {
                throw ApiException.notFound("site");
            }
            if (s.category != SiteCategory.PARKING) {
                throw ApiException.badRequest("NOT_A_PARKING_SITE", "only a PARKING site can be a lot");
            }
            return s;
        });
    }

    static Uni<ParkingLot> lot(Operator o, UUID siteId) {
        return site(o, siteId).flatMap(s -> ParkingLot.<ParkingLot>findById(s.id)).map(l -> {
            if (l == null) {
                throw ApiException.notFound("lot");
            }
            return l;
        });
    }

    static Uni<ParkingSession> session(Operator o, UUID id) {
        return ParkingSession.<ParkingSession>findById(id).flatMap(s -> s == null ? Uni.createFrom().<ParkingSession>nullItem()
                : owns(o, s.siteId).map(yes -> yes ? s : null)).map(s -> found(s, "session"));
    }

    static Uni<ParkingLane> lane(Operator o, UUID deviceId) {
        return ParkingLane.<ParkingLane>findById(deviceId).flatMap(l -> l == null ? Uni.createFrom().<ParkingLane>nullItem()
                : owns(o, l.siteId).map(yes -> yes ? l : null)).map(l -> found(l, "lane"));
    }

    static Uni<ParkingPass> pass(Operator o, UUID id) {
        return ParkingPass.<ParkingPass>findById(id).flatMap(p -> p == null ? Uni.createFrom().<ParkingPass>nullItem()
                : owns(o, p.siteId).map(yes -> yes ? p : null)).map(p -> found(p, "pass"));
    }

    private static Uni<Boolean> owns(Operator o, UUID siteId) {
        return Site.count("id = ?1 and operatorId = ?2", siteId, o.id).map(n -> n == 1);
    }

    private static <T> T found(T thing, String what) {
        if (thing == null) {
            throw ApiException.notFound(what);
        }
        return thing;
    }
}
