package com.platepay.edge.recognition.video;

import com.platepay.protocol.plate.PlateColour;

/**
 * One vehicle through the lane: the winning plate text, how many frames voted for it out of the frames with a read,
 * and its share of the summed confidence.
 */
public record VehiclePass(String plate, PlateColour colour, int votes, int frames, double confidence) {
}
