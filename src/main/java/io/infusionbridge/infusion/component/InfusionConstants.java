package io.infusionbridge.infusion.component;

/** Headers the Infusion endpoints set and read. */
public final class InfusionConstants {

    /** The entity of a sync page or an operation, e.g. {@code customerInvoices}. */
    public static final String ENTITY = "InfusionEntity";
    /** 1-based number of the page within its sync round. */
    public static final String PAGE_NUMBER = "InfusionPageNumber";
    /** Whether Infusion said more changes are waiting after this page. */
    public static final String MORE_AVAILABLE = "InfusionMoreAvailable";
    /** The UUID an operation acts on. */
    public static final String UUID = "InfusionUuid";
    /** The version the bridge last saw, sent with an update. */
    public static final String VERSION_NUMBER = "InfusionVersionNumber";

    private InfusionConstants() {
    }
}
