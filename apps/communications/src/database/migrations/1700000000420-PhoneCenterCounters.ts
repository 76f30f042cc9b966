import { MigrationInterface, QueryRunner } from 'typeorm';

type Operation = 'INSERT' | 'UPDATE' | 'DELETE';

const TRANSITION_TABLES: Record<Operation, string> = {
  INSERT: 'NEW TABLE AS new_rows',
  UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  DELETE: 'OLD TABLE AS old_rows',
};

/** What each table adds to a user's counters: a row counts while it is in the user's Communication Center (reported by telephony). */
const COUNTED = {
  calls: {
    missed_calls: 'missed AND (resource_type IS NOT NULL OR ignored_at IS NULL)',
    unmatched_calls: 'resource_type IS NULL AND ignored_at IS NULL',
  },
  text_messages: {
    unread_text_messages: 'incoming AND read_at IS NULL AND (resource_type IS NOT NULL OR ignored_at IS NULL)',
    unmatched_text_messages: 'resource_type IS NULL AND ignored_at IS NULL',
  },
} as const;

type CountedTable = keyof typeof COUNTED;

/**
 * One statement's changes to `table` as deltas of its users' counters: +1 for each new row version
 * that counts, -1 for each old one. Users whose counts do not move are left alone (not even
 * locked: a status update of a call that stays unmissed touches no counter), and counter rows are
 * taken in key order, so concurrent writers add up exactly and queue instead of deadlocking.
 */
function countsFunction(table: CountedTable, op: Operation): string {
  const columns = Object.keys(COUNTED[table]);
  const flags = Object.values(COUNTED[table]).map((condition, i) => `(${condition})::int AS ${columns[i]}`).join(', ');
  const own = 'sid IS NOT NULL AND user_id IS NOT NULL';
  const versions: string[] = [];
  if (op !== 'DELETE') versions.push(`SELECT 1 AS sign, account_id, user_id, ${flags} FROM new_rows WHERE ${own}`);
  if (op !== 'INSERT') versions.push(`SELECT -1 AS sign, account_id, user_id, ${flags} FROM old_rows WHERE ${own}`);
  const sums = columns.map((column) => `sum(sign * ${column})`);
  return `
  BEGIN
    WITH r AS (${versions.join(' UNION ALL ')})
    INSERT INTO phone_center_counters AS c (account_id, user_id, ${columns.join(', ')})
    SELECT account_id, user_id, ${sums.join(', ')}
    FROM r GROUP BY account_id, user_id
    HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}
    ORDER BY account_id, user_id
    ON CONFLICT (account_id, user_id) DO UPDATE SET ${columns.map((column) => `${column} = c.${column} + EXCLUDED.${column}`).join(', ')};
    RETURN NULL;
  END`;
}

/**
 * The calls and texts counts of each user's Communication Center (missed calls, unread texts,
 * unmatched calls and texts) kept by triggers, instead of counted on every request: at 1M calls
 * and texts of one user the four index-only counts took ~0.8 s of Postgres per request.
 */
export class PhoneCenterCounters1700000000420 implements MigrationInterface {
  name = 'PhoneCenterCounters1700000000420';

  async up(q: QueryRunner): Promise<void> {
    const schema = q.connection.driver.schema;
    await q.query(`SET LOCAL search_path TO "${schema}"`);
    await q.query(`
      CREATE TABLE phone_center_counters (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        missed_calls integer NOT NULL DEFAULT 0,
        unread_text_messages integer NOT NULL DEFAULT 0,
        unmatched_calls integer NOT NULL DEFAULT 0,
        unmatched_text_messages integer NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, user_id)
      )`);
    // Running services may keep writing meanwhile (rolling deploys): hold them off until the
    // triggers are in place, so the backfill below misses nothing.
    await q.query(`LOCK TABLE calls, text_messages IN SHARE ROW EXCLUSIVE MODE`);
    for (const table of Object.keys(COUNTED) as CountedTable[]) {
      const columns = Object.keys(COUNTED[table]);
      await q.query(`
        INSERT INTO phone_center_counters AS c (account_id, user_id, ${columns.join(', ')})
        SELECT account_id, user_id, ${Object.values(COUNTED[table]).map((condition) => `count(*) FILTER (WHERE ${condition})`).join(', ')}
        FROM ${table} WHERE sid IS NOT NULL AND user_id IS NOT NULL
        GROUP BY account_id, user_id
        ON CONFLICT (account_id, user_id) DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`);
      for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        const name = `${table}_after_${op.toLowerCase()}_phone_center_counts`;
        await q.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$${countsFunction(table, op)}$$`);
        await q.query(`
          CREATE TRIGGER ${name} AFTER ${op} ON ${table}
          REFERENCING ${TRANSITION_TABLES[op]}
          FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    for (const table of Object.keys(COUNTED)) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER ${table}_after_${op}_phone_center_counts ON ${table}`);
        await q.query(`DROP FUNCTION ${table}_after_${op}_phone_center_counts()`);
      }
    }
    await q.query(`DROP TABLE phone_center_counters`);
  }
}
