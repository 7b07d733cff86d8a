package com.platepay.parking;

import com.platepay.protocol.parking.AllowList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps every lane's offline allow-list current: the lot's monthly passes valid today (the lot's local date) and
 * the plates with an active PARKING mandate that have parked at that lot in the last 90 days (the lot's
 * regulars). Passes come first when the list is full: a pass holder has paid to get through. Published signed and
 * retained on the lane's command topic, with a new, higher version only when the list changed; the version comes
 * from the database ({@link LaneAllowListVersions}), so every replica gives the same list the same version.
 */
@ApplicationScoped
public class AllowListPublisher {

    private static final Logger LOG = Logger.getLogger(AllowListPublisher.class);
    /** The schema's bound: a lane box keeps the list in memory. */
    static final int MAX_PLATES = 200;
    private static final String PASSES = """
            select p.plate, p.plate_colour from parking_passes p join parking_lots l on l.site_id = p.site_id
            where p.site_id = ?1 and p.status = 'ACTIVE'
            and cast(now() at time zone l.time_zone as date) between p.valid_from and p.valid_to
            order by p.plate, p.plate_colour limit %d""".formatted(MAX_PLATES);
    private static final String REGULARS = """
            select distinct m.plate, m.colour from mandates m
            join parking_sessions s on s.plate = m.plate and s.plate_colour = m.colour
            where m.status = 'ACTIVE' and m.allow_parking and s.site_id = ?1 and s.created_at > now() - interval '90 days'
            order by m.plate, m.colour limit %d""".formatted(MAX_PLATES);

    private final LaneCommands commands;
    private final LaneAllowListVersions versions;
    /** What this replica last published to each lane, so an unchanged list is not sent again. */
    private final Map<UUID, List<AllowList.Entry>> published = new ConcurrentHashMap<>();

    public AllowListPublisher(LaneCommands commands, LaneAllowListVersions versions) {
        this.commands = commands;
        this.versions = versions;
    }

    @Scheduled(every = "${platepay.parking.allow-list-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> ParkingLane.<ParkingLane>listAll()
                        .flatMap(lanes -> Multi.createFrom().iterable(lanes.stream().collect(Collectors.groupingBy(l -> l.siteId)).entrySet())
                                .onItem().transformToUniAndConcatenate(lot -> plates(lot.getKey())
                                        .flatMap(plates -> publish(lot.getKey(), lot.getValue(), plates)))
                                .collect().asList()))
                .onFailure().invoke(e -> LOG.warn("allow-list refresh failed; will try again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Passes, then regulars without a pass, at most {@link #MAX_PLATES}. */
    private static Uni<List<AllowList.Entry>> plates(UUID siteId) {
        return entries(PASSES, siteId, "PASS").flatMap(passes -> entries(REGULARS, siteId, "MANDATE").map(regulars -> {
            Set<String> onPass = passes.stream().map(e -> e.plate() + " " + e.plateColour()).collect(Collectors.toSet());
            return Stream.concat(passes.stream(), regulars.stream().filter(e -> !onPass.contains(e.plate() + " " + e.plateColour())))
                    .limit(MAX_PLATES).toList();
        }));
    }

    private static Uni<List<AllowList.Entry>> entries(String sql, UUID siteId, String kind) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, siteId).getResultList())
                .map(rows -> rows.stream().map(r -> new AllowList.Entry((String) r[0], (String) r[1], kind)).toList());
    }

    private Uni<Void> publish(UUID siteId, List<ParkingLane> lanes, List<AllowList.Entry> plates) {
        if (lanes.stream().allMatch(lane -> plates.equals(published.get(lane.deviceId)))) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> versions.take(siteId, plates))
                .flatMap(version -> version == null ? Uni.createFrom().voidItem() : publish(lanes, plates, version));
    }

    private Uni<Void> publish(List<ParkingLane> lanes, List<AllowList.Entry> plates, long version) {
        return Multi.createFrom().iterable(lanes)
                .filter(lane -> !plates.equals(published.get(lane.deviceId)))
                .onItem().transformToUniAndConcatenate(lane -> commands.publishAllowList(lane.siteId, lane.deviceId, new AllowList(version, plates))
                        .invoke(() -> published.put(lane.deviceId, plates)))
                .collect().asList().replaceWithVoid();
    }
}
