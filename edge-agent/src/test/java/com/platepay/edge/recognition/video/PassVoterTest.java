package com.platepay.edge.recognition.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.PlateReading;
import com.platepay.protocol.plate.PlateColour;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassVoterTest {

    @Test
    void oneVehicleSeenInManyFramesGivesOneReadThatOutvotesAMisread() {
        PassVoter voter = new PassVoter(3);
        List<VehiclePass> passes = new ArrayList<>();
        for (String text : List.of("京A12345", "京A12845", "京A12345", "京A12345")) {
            voter.accept(List.of(reading(text, 0.8))).ifPresent(passes::add);
        }
        for (int i = 0; i < 3; i++) voter.accept(List.of()).ifPresent(passes::add);

        assertEquals(1, passes.size());
        assertEquals("京A12345", passes.get(0).plate());
        assertEquals(3, passes.get(0).votes());
        assertEquals(4, passes.get(0).frames());
    }

    @Test
    void aGapOfEmptyFramesSeparatesTwoVehicles() {
        PassVoter voter = new PassVoter(2);
        List<VehiclePass> passes = new ArrayList<>();
        voter.accept(List.of(reading("沪B00001", 0.9))).ifPresent(passes::add);
        voter.accept(List.of()).ifPresent(passes::add);
        voter.accept(List.of()).ifPresent(passes::add);
        voter.accept(List.of(reading("沪B00002", 0.9))).ifPresent(passes::add);
        voter.finish().ifPresent(passes::add);

        assertEquals(List.of("沪B00001", "沪B00002"), passes.stream().map(VehiclePass::plate).toList());
    }

    @Test
    void confidenceWeighsVotes() {
        PassVoter voter = new PassVoter(2);
        voter.accept(List.of(reading("粤B11111", 0.2)));
        voter.accept(List.of(reading("粤B11111", 0.2)));
        voter.accept(List.of(reading("粤B11117", 0.9)));
        Optional<VehiclePass> pass = voter.finish();
        assertEquals("粤B11117", pass.orElseThrow().plate());
        assertTrue(voter.finish().isEmpty(), "finishing again reports nothing");
    }

    private static PlateReading reading(String text, double confidence) {
        return new PlateReading(text, PlateColour.BLUE, confidence, new double[7], new PlateBox(0, 0, 100, 30, 0),
                List.of(new PlateReading.Alternative(text, confidence)));
    }
}
