import { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles and groups, lead conversions, notes and tasks. */
export class RecordsLifecycle1700000000200 implements MigrationInterface {
  name = 'RecordsLifecycle1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE roles (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        permissions text[] NOT NULL DEFAULT '{}',
        system boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX roles_account_name ON roles (account_id, lower(name))`);
    await q.query(`
      CREATE TABLE groups (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX groups_account_name ON groups (account_id, lower(name))`);
    await q.query(`ALTER TABLE users ADD COLUMN role_id integer REFERENCES roles(id), ADD COLUMN group_id integer REFERENCES groups(id) ON DELETE SET NULL`);

    // Accounts that exist already get the three default roles; their users keep what `role` said.
    await q.query(`
      INSERT INTO roles (account_id, name, permissions, system)
      SELECT a.id, r.name, r.permissions, true FROM accounts a CROSS JOIN (VALUES
        ('Admin', ARRAY['manage_settings','manage_users','reassign_records','delete_records','see_all_records']),
        ('Manager', ARRAY['reassign_records','delete_records','see_all_records']),
        ('Sales rep', ARRAY[]::text[])) AS r(name, permissions)`);
    await q.query(`
      UPDATE users u SET role_id = r.id FROM roles r
      WHERE r.account_id = u.account_id AND r.system AND r.name = CASE WHEN u.role = 'admin' THEN 'Admin' ELSE 'Sales rep' END`);

    await q.query(`ALTER TABLE leads ADD COLUMN converted_at timestamptz`);
    await q.query(`
      CREATE TABLE lead_conversions (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        lead_id integer NOT NULL,
        individual_id integer NOT NULL,
        organization_id integer,
        deal_id integer,
        creator_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX lead_conversions_lead ON lead_conversions (account_id, lead_id)`);

    await q.query(`
      CREATE TABLE notes (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        creator_id integer NOT NULL,
        content text NOT NULL,
        resource_type text NOT NULL,
        resource_id integer NOT NULL,
        is_important boolean NOT NULL DEFAULT false,
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notes_resource ON notes (account_id, resource_type, resource_id)`);
    await q.query(`
      CREATE TABLE tasks (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        creator_id integer NOT NULL,
        owner_id integer NOT NULL,
        content text NOT NULL,
        due_date timestamptz,
        remind_at timestamptz,
        completed boolean NOT NULL DEFAULT false,
        completed_at timestamptz,
        resource_type text,
        resource_id integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tasks_resource ON tasks (account_id, resource_type, resource_id)`);
    await q.query(`CREATE INDEX tasks_owner ON tasks (account_id, owner_id, completed, due_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE tasks`);
    await q.query(`DROP TABLE notes`);
    await q.query(`DROP TABLE lead_conversions`);
    await q.query(`ALTER TABLE leads DROP COLUMN converted_at`);
    await q.query(`ALTER TABLE users DROP COLUMN role_id, DROP COLUMN group_id`);
    await q.query(`DROP TABLE groups`);
    await q.query(`DROP TABLE roles`);
  }
}
