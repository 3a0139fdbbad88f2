package io.infusionbridge.sync;

import io.infusionbridge.support.TestDatabases;

import java.nio.file.Path;

/** The sync suite on PostgreSQL (a fresh schema per test); under CI=true an unreachable server fails it. */
class MirrorSyncOnPostgresTest extends MirrorSyncSuite {

    @Override
    TestDatabases.Db database(Path dir) {
        return TestDatabases.postgres();
    }
}
