package com.platepay.edge.recognition.eval;

import com.platepay.edge.recognition.PlateBox;

/** One row of a truth file: {@code image,plate,colour,cx,cy,width,height,rotation_deg}. */
public record TruePlate(String image, String plate, String colour, PlateBox box) {
}
