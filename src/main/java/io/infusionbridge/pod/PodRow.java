package io.infusionbridge.pod;

/** One data row of a carrier file, its cells picked by the profile's columns (row 1 is the first after the header). */
public record PodRow(int number, String reference, String consignment, String status, String eventDate, String eventTime,
                     String signedBy) {
}
