import type { Pool } from 'pg';

const BATCH = 100_000;

/** Leads tagged for the bulk phase: the first 100k for the API job, the next 100k for the SQL baseline. */
export const BULK_TAG_API = 'bulk_api';
export const BULK_TAG_SQL = 'bulk_sql';
export const BULK_RECORDS = 100_000;

/**
 * Load `total` leads into the account in batches of INSERT … SELECT generate_series, with the
 * spread a real account has: 20 owners, 5 statuses, a few tags on some, names from common first
 * and last names (so text search finds thousands, not one), creation dates over a year. The
 * table keeps every index the migrations create, so the load pays for them as production would.
 */
export async function loadLeads(pool: Pool, accountId: number, creatorId: number, owners: number[], total: number, onBatch: (done: number) => void) {
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await pool.query(
      `INSERT INTO records.leads (account_id, creator_id, owner_id, first_name, last_name, organization_name, email, phone,
                                  status, tags, address, created_at, updated_at)
       SELECT $1, $2, owner, first, last, 'Company ' || company, lower(first || '.' || last || n || '@example.com'),
              '+1 415 555 ' || lpad((n % 10000)::text, 4, '0'), status,
              tags || CASE WHEN n <= $4 THEN ARRAY[$5] WHEN n <= 2 * $4 THEN ARRAY[$6] ELSE '{}' END,
              jsonb_build_object('city', city), created, created + random() * interval '30 days'
       FROM (
         SELECT n,
                ($3::int[])[1 + floor(random() * array_length($3::int[], 1))::int] AS owner,
                (ARRAY['Ada','Grace','Alan','Linus','Ken','Barbara','Edsger','Donald','Margaret','Tim',
                       'Radia','Frances','John','Niklaus','Dennis','Sophie','Hedy','Claude','Katherine','Guido'])[1 + floor(random() * 20)::int] AS first,
                (ARRAY['Lovelace','Hopper','Turing','Torvalds','Thompson','Liskov','Dijkstra','Knuth','Hamilton','Berners-Lee',
                       'Perlman','Allen','McCarthy','Wirth','Ritchie','Wilson','Lamarr','Shannon','Johnson','Rossum',
                       'Smith','Jones','Miller','Davis','Garcia','Martinez','Brown','Taylor','Anderson','Thomas',
                       'Moore','Jackson','Martin','Lee','Perez','White','Harris','Clark','Lewis','Walker',
                       'Young','King','Wright','Scott','Green','Baker','Adams','Nelson','Hill','Campbell'])[1 + floor(random() * 50)::int] AS last,
                floor(random() * 50000)::int AS company,
                (ARRAY['New','Working','Contacted','Qualified','Unqualified'])[1 + floor(random() * 5)::int] AS status,
                CASE WHEN r < 0.10 THEN ARRAY['vip'] WHEN r < 0.15 THEN ARRAY['vip','hot'] WHEN r < 0.30 THEN ARRAY['cold']
                     WHEN r < 0.35 THEN ARRAY['partner'] ELSE '{}'::text[] END AS tags,
                (ARRAY['Berlin','Paris','Lisbon','Austin','Toronto','Osaka','Lagos','Lima'])[1 + floor(random() * 8)::int] AS city,
                now() - random() * interval '365 days' AS created
         FROM (SELECT n, random() AS r FROM generate_series($7::int, $8::int) AS n) AS numbered
       ) AS lead`,
      [accountId, creatorId, owners, BULK_RECORDS, BULK_TAG_API, BULK_TAG_SQL, from, to],
    );
    onBatch(to);
  }
  // The steady state autovacuum reaches after a table grew this much: statistics, hint bits, visibility map.
  await pool.query('VACUUM ANALYZE records.leads');
}
