import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in for the web app. A user's password is an scrypt hash in `users.password_hash` (null
 * until an invitation is accepted). Invitations and sessions keep only the SHA-256 of their
 * tokens. Sessions have a table of their own rather than rows in `api_tokens`: API tokens are
 * listed, named, revoked and touched through their own routes and events, sessions expire and
 * end by signing out; mixing them would put a "kind" filter on every token query.
 */
export class SignIn1700000001300 implements MigrationInterface {
  name = 'SignIn1700000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`ALTER TABLE users ADD COLUMN password_hash text, ADD COLUMN password_changed_at timestamptz`);
    // Sign-in looks a user up by email alone (emails are unique per account, not globally).
    await q.query(`CREATE INDEX users_lower_email ON users (lower(email))`);
    await q.query(`
      CREATE TABLE invitations (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        user_id integer NOT NULL REFERENCES users(id),
        token_hash char(64) NOT NULL UNIQUE,
        created_by integer REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_open ON invitations (account_id, user_id) WHERE used_at IS NULL AND voided_at IS NULL`);
    await q.query(`
      CREATE TABLE sessions (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        user_id integer NOT NULL REFERENCES users(id),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_live ON sessions (account_id, user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP INDEX users_lower_email`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at, DROP COLUMN password_hash`);
  }
}
