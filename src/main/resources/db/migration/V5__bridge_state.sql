-- Small facts the bridge must remember across restarts, by name (e.g. when Infusion last answered a
-- request with success, for the session keep-alive).
CREATE TABLE bridge_state (
    state_name VARCHAR(100) PRIMARY KEY,
    state_value VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
