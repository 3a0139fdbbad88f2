package io.infusionbridge.sync;

import io.infusionbridge.support.TestDatabases;

import java.nio.file.Path;

/** The sync suite on the embedded H2 mirror, the zero-setup default. */
class MirrorSyncOnH2Test extends MirrorSyncSuite {

    @Override
    TestDatabases.Db database(Path dir) {
        return TestDatabases.h2(dir);
    }
}
