package org.workbench.engine.store;

/** How a store is brought up to date with its results folder as it is opened. */
public enum SyncMode {
    /** Lists again only the experiment folders whose time moved ({@link StoreSync#sync}): a start-up. */
    QUICK,
    /** Compares every run folder's signature ({@link StoreSync#rescan}): also finds hand edits inside run folders. */
    RESCAN,
    /** Forgets the folder's runs and reads every folder again ({@link StoreSync#reindex}). */
    REINDEX;

    /** {@link #REINDEX} when {@code reindex}, else {@link #RESCAN} when {@code rescan}, else {@link #QUICK}. */
    public static SyncMode of(boolean reindex, boolean rescan) {
        return reindex ? REINDEX : rescan ? RESCAN : QUICK;
    }
}
