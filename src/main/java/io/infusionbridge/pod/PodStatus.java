package io.infusionbridge.pod;

/** The bridge's delivery vocabulary; each carrier profile maps its own status words onto it. */
public enum PodStatus {
    PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_EXCEPTION
}
