package io.langnghe.photos;

import java.util.Optional;

/** Where a photo was taken, in decimal degrees (WGS 84), rounded to about a metre. */
public record GeoPoint(double latitude, double longitude) {

    /** Empty for what no place on Earth has (a camera without a fix writes zeros or junk). */
    public static Optional<GeoPoint> of(double latitude, double longitude) {
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180) || (latitude == 0 && longitude == 0)) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(Math.round(latitude * 1e5) / 1e5, Math.round(longitude * 1e5) / 1e5));
    }
}
