import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordsInitial1700000000100 implements MigrationInterface {
  name = 'RecordsInitial1700000000100';

  async up(q: QueryRunner): Promise<void> {
    // Unqualified names below live in this service's schema.
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE accounts (
        id serial PRIMARY KEY,
        name text NOT NULL,
        currency varchar(3) NOT NULL DEFAULT 'USD',
        timezone text NOT NULL DEFAULT 'UTC',
        time_format text NOT NULL DEFAULT '24H',
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL DEFAULT 'user',
        status text NOT NULL DEFAULT 'active',
        confirmed boolean NOT NULL DEFAULT true,
        phone_number text,
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_account_email ON users (account_id, lower(email))`);
    await q.query(`
      CREATE TABLE api_tokens (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        user_id integer NOT NULL REFERENCES users(id),
        name text NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_tokens_user ON api_tokens (account_id, user_id)`);

    await q.query(`
      CREATE TABLE pipelines (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pipelines_account ON pipelines (account_id, id)`);
    await q.query(`
      CREATE TABLE stages (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        pipeline_id integer NOT NULL REFERENCES pipelines(id),
        name text NOT NULL,
        category text NOT NULL,
        position integer NOT NULL,
        likelihood integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stages_pipeline ON stages (account_id, pipeline_id, position)`);

    await q.query(`
      CREATE TABLE named_items (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        kind text NOT NULL,
        creator_id integer,
        name text NOT NULL,
        resource_type text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX named_items_unique ON named_items (account_id, kind, coalesce(resource_type, ''), lower(name))`,
    );

    await q.query(`
      CREATE TABLE custom_fields (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        resource_type text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        choices jsonb,
        for_company boolean NOT NULL DEFAULT true,
        for_contact boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX custom_fields_unique ON custom_fields (account_id, resource_type, lower(name))`);

    const party = `
        creator_id integer NOT NULL,
        owner_id integer NOT NULL,
        first_name text,
        last_name text,
        title text,
        description text,
        industry text,
        website text,
        email text,
        phone text,
        phone_e164 text,
        mobile text,
        mobile_e164 text,
        fax text,
        twitter text,
        facebook text,
        linkedin text,
        skype text,
        address jsonb,
        tags text[] NOT NULL DEFAULT '{}',
        custom_fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()`;
    await q.query(`
      CREATE TABLE leads (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        organization_name text,
        status text NOT NULL DEFAULT 'New',
        source_id integer,
        unqualified_reason_id integer,
        ${party}
      )`);
    await q.query(`
      CREATE TABLE contacts (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        is_organization boolean NOT NULL DEFAULT false,
        contact_id integer REFERENCES contacts(id) ON DELETE SET NULL,
        name text,
        customer_status text NOT NULL DEFAULT 'none',
        prospect_status text NOT NULL DEFAULT 'none',
        billing_address jsonb,
        shipping_address jsonb,
        ${party}
      )`);
    for (const table of ['leads', 'contacts']) {
      await q.query(`CREATE INDEX ${table}_updated ON ${table} (account_id, updated_at, id)`);
      await q.query(`CREATE INDEX ${table}_owner ON ${table} (account_id, owner_id)`);
      await q.query(`CREATE INDEX ${table}_email ON ${table} (account_id, lower(email))`);
      await q.query(`CREATE INDEX ${table}_phone ON ${table} (account_id, phone_e164)`);
      await q.query(`CREATE INDEX ${table}_mobile ON ${table} (account_id, mobile_e164)`);
    }
    await q.query(`CREATE INDEX contacts_last_name ON contacts (account_id, last_name, id)`);
    await q.query(`CREATE INDEX contacts_parent ON contacts (account_id, contact_id)`);

    await q.query(`
      CREATE TABLE deals (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        creator_id integer NOT NULL,
        owner_id integer NOT NULL,
        name text NOT NULL,
        value numeric(17, 2) NOT NULL DEFAULT 0,
        currency varchar(3) NOT NULL,
        hot boolean NOT NULL DEFAULT false,
        stage_id integer NOT NULL REFERENCES stages(id),
        contact_id integer REFERENCES contacts(id) ON DELETE SET NULL,
        organization_id integer REFERENCES contacts(id) ON DELETE SET NULL,
        source_id integer,
        loss_reason_id integer,
        unqualified_reason_id integer,
        dropbox_email text,
        estimated_close_date date,
        customized_win_likelihood integer,
        last_stage_change_at timestamptz,
        last_stage_change_by_id integer,
        added_at timestamptz NOT NULL DEFAULT now(),
        tags text[] NOT NULL DEFAULT '{}',
        custom_fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX deals_account ON deals (account_id, id)`);
    await q.query(`CREATE INDEX deals_contact ON deals (account_id, contact_id)`);
    await q.query(`CREATE INDEX deals_stage ON deals (account_id, stage_id)`);
    await q.query(`
      CREATE TABLE deal_contacts (
        account_id integer NOT NULL REFERENCES accounts(id),
        deal_id integer NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        contact_id integer NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'involved',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (deal_id, contact_id)
      )`);
    await q.query(`CREATE INDEX deal_contacts_contact ON deal_contacts (account_id, contact_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    for (const table of [
      'deal_contacts',
      'deals',
      'contacts',
      'leads',
      'custom_fields',
      'named_items',
      'stages',
      'pipelines',
      'api_tokens',
      'users',
      'accounts',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
