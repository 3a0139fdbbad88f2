package io.infusionbridge.support;

import io.infusionbridge.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against a fresh, seeded sandbox on a free port, over real HTTP: started before each test (before
 * the test class's own set-up) and closed after it (after the test class's own tear-down).
 */
public abstract class AgainstSandbox {

    protected SandboxServer sandbox;
    protected SandboxAdmin admin;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = new SandboxServer(0).start();
        admin = new SandboxAdmin(sandbox.adminUrl());
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }
}
