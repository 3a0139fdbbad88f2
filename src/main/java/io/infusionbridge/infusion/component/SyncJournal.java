package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;

/**
 * Durable note of a sync page asked for but not yet stored. Infusion advances its cursor when it answers,
 * so a page lost between answer and store (a crash) can only be recovered by reconciling; the journal
 * tells the bridge on its next start that it must.
 */
public interface SyncJournal {

    void pageRequested(EntityType type);

    /** The page was empty or stored: nothing is in flight for {@code type}. */
    void pageSettled(EntityType type);

    SyncJournal NONE = new SyncJournal() {
        @Override
        public void pageRequested(EntityType type) {
        }

        @Override
        public void pageSettled(EntityType type) {
        }
    };
}
