-- Identity and authorship of writes.
--
-- API tokens: the service's own bearer tokens, for deployments without an OpenID Connect provider. A token is
-- 'cgis_<id>_<secret>': the id finds the row, the secret is checked against a bcrypt hash, and only the hash is
-- kept. Revoked and expired tokens stay listed (who had access, until when).
CREATE TABLE corridor.api_token (
  id          text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role        text NOT NULL CHECK (role IN ('editor','reviewer','admin')),
  secret_hash text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz,
  revoked_at  timestamptz,
  last_used_at timestamptz
);

-- Refused bearer tokens per client and minute: every instance counts in the same table, so the limit holds
-- for the deployment, not per instance. Rows older than an hour are removed as new ones are written.
CREATE TABLE corridor.auth_failure (
  client       text NOT NULL,
  minute       timestamptz NOT NULL,
  failures     integer NOT NULL,
  PRIMARY KEY (client, minute)
);

-- Who made each version of a feature, and why: one row per write, in the write's transaction, so its
-- recorded_at is the recorded_at of the version it made (or the recorded_to of the version it deleted).
CREATE TABLE corridor.change_log (
  id          bigserial PRIMARY KEY,
  collection  text NOT NULL,
  feature_id  text NOT NULL,
  operation   text NOT NULL CHECK (operation IN ('create','replace','update','delete')),
  author      text NOT NULL,
  reason      text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON corridor.change_log (collection, feature_id, recorded_at);

-- Changes an editor proposes to the official collections, until a reviewer accepts (applies them, with the
-- proposer as author) or rejects them. The feature is kept as sent, its geometry in storage coordinates.
CREATE TABLE corridor.proposal (
  id           bigserial PRIMARY KEY,
  collection   text NOT NULL,
  feature_id   text NOT NULL,
  operation    text NOT NULL CHECK (operation IN ('create','replace','update','delete')),
  feature      jsonb,                     -- the GeoJSON feature (a merge patch for 'update'; none for 'delete')
  based_on     text,                      -- the feature state its If-Match named (none for 'create')
  author       text NOT NULL,
  reason       text,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','rejected')),
  proposed_at  timestamptz NOT NULL DEFAULT now(),
  decided_by   text,
  decided_at   timestamptz,
  decision     text
);
CREATE INDEX ON corridor.proposal (collection, status);

-- Scenarios and candidate maps and lines an editor makes are theirs: marked with their author wherever they
-- appear (NULL: official data, from the seed files or a reviewer).
ALTER TABLE corridor.scenarios ADD COLUMN created_by text;
ALTER TABLE corridor.scenarios_history ADD COLUMN created_by text;
ALTER TABLE corridor.boundary_maps ADD COLUMN created_by text;
ALTER TABLE corridor.boundary_maps_history ADD COLUMN created_by text;
ALTER TABLE corridor.boundary_lines ADD COLUMN created_by text;
ALTER TABLE corridor.boundary_lines_history ADD COLUMN created_by text;
