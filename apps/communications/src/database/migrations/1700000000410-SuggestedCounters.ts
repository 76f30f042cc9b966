import { MigrationInterface, QueryRunner } from 'typeorm';

type Operation = 'INSERT' | 'UPDATE' | 'DELETE';

const TRANSITION_TABLES: Record<Operation, (name: string) => string> = {
  INSERT: (name) => `NEW TABLE AS new_${name}`,
  UPDATE: (name) => `OLD TABLE AS old_${name} NEW TABLE AS new_${name}`,
  DELETE: (name) => `OLD TABLE AS old_${name}`,
};

/** One statement's changed rows of a table with transition tables `old_<name>`/`new_<name>`: +1 for each new row version, -1 for each old one. */
function changedRows(op: Operation, name: string, columns: string): string {
  const parts: string[] = [];
  if (op !== 'DELETE') parts.push(`SELECT 1 AS sign, ${columns} FROM new_${name}`);
  if (op !== 'INSERT') parts.push(`SELECT -1 AS sign, ${columns} FROM old_${name}`);
  return parts.join(' UNION ALL ');
}

/**
 * mailbox_counters.suggested_* follow one statement's changes to mailbox_senders: a sender counts
 * in Suggested people while they have messages there and are not ignored. Deltas, as for the other
 * counters (migration 1700000000310), so concurrent writers add up exactly.
 */
function suggestedCountsFunction(op: Operation): string {
  return `
  BEGIN
    WITH r AS (${changedRows(op, 'senders', 'account_id, user_id, (messages > 0 AND NOT ignored) AS shown, unread')})
    INSERT INTO mailbox_counters AS c (account_id, user_id, suggested_total, suggested_unread)
    SELECT account_id, user_id, sum(sign * shown::int), sum(sign * CASE WHEN shown THEN unread ELSE 0 END)
    FROM r GROUP BY account_id, user_id ORDER BY account_id, user_id
    ON CONFLICT (account_id, user_id) DO UPDATE SET
      suggested_total = c.suggested_total + EXCLUDED.suggested_total,
      suggested_unread = c.suggested_unread + EXCLUDED.suggested_unread
    WHERE (EXCLUDED.suggested_total, EXCLUDED.suggested_unread) <> (0, 0);
    RETURN NULL;
  END`;
}

/**
 * mailbox_senders.ignored follows ignored_senders (the source of truth, which the actions write).
 * The users' counters rows are locked first: every writer of mailbox_entries locks them before
 * any sender row (its first statement upserts them), so taking them in the same order here means
 * an ignore and a filing for the same user queue instead of deadlocking. An ignored sender always
 * has a row (created here if they never wrote), so a later first email finds `ignored` set.
 */
function ignoredSendersFunction(op: Operation): string {
  const users = changedRows(op, 'ignored', 'account_id, user_id');
  const unignore = `
    UPDATE mailbox_senders s SET ignored = false
    FROM old_ignored o
    WHERE s.account_id = o.account_id AND s.user_id = o.user_id AND s.sender_email = o.email AND s.ignored;`;
  // Applied after the unignore: an UPDATE that keeps the address leaves it ignored.
  const ignore = `
    INSERT INTO mailbox_senders AS s (account_id, user_id, sender_email, ignored)
    SELECT account_id, user_id, email, true FROM new_ignored ORDER BY account_id, user_id, email
    ON CONFLICT (account_id, user_id, sender_email) DO UPDATE SET ignored = true WHERE NOT s.ignored;`;
  return `
  BEGIN
    INSERT INTO mailbox_counters (account_id, user_id)
    SELECT DISTINCT account_id, user_id FROM (${users}) u ORDER BY account_id, user_id
    ON CONFLICT (account_id, user_id) DO NOTHING;
    PERFORM 1 FROM mailbox_counters c
    WHERE (c.account_id, c.user_id) IN (SELECT account_id, user_id FROM (${users}) u)
    ORDER BY c.account_id, c.user_id FOR UPDATE;
    ${op === 'INSERT' ? '' : unignore}
    ${op === 'DELETE' ? '' : ignore}
    RETURN NULL;
  END`;
}

/**
 * The Suggested people counts (people, and their unread emails) kept in mailbox_counters like the
 * other tabs', instead of summed over the user's senders on every request (O(senders): 4-7 ms for
 * a mailbox of ~700k emails). For that, mailbox_senders carries whether the user ignores the
 * sender, kept from ignored_senders by a trigger, so one row's change says how the counts move.
 * A Suggested people page filters on the same flag through its own partial index.
 */
export class SuggestedCounters1700000000410 implements MigrationInterface {
  name = 'SuggestedCounters1700000000410';

  async up(q: QueryRunner): Promise<void> {
    const schema = q.connection.driver.schema;
    await q.query(`SET LOCAL search_path TO "${schema}"`);
    // Running services may keep writing meanwhile (rolling deploys): hold them off until the new
    // triggers are in place, so the backfill below misses nothing. Taken in the order the writers
    // take these tables (an ignore: ignored_senders first; filing: counters before senders).
    await q.query(`LOCK TABLE ignored_senders, mailbox_counters, mailbox_senders IN ACCESS EXCLUSIVE MODE`);

    await q.query(`ALTER TABLE mailbox_senders ADD COLUMN ignored boolean NOT NULL DEFAULT false`);
    await q.query(`
      INSERT INTO mailbox_senders AS s (account_id, user_id, sender_email, ignored)
      SELECT account_id, user_id, email, true FROM ignored_senders
      ON CONFLICT (account_id, user_id, sender_email) DO UPDATE SET ignored = true`);
    await q.query(`
      ALTER TABLE mailbox_counters
        ADD COLUMN suggested_total integer NOT NULL DEFAULT 0,
        ADD COLUMN suggested_unread integer NOT NULL DEFAULT 0`);
    await q.query(`
      INSERT INTO mailbox_counters AS c (account_id, user_id, suggested_total, suggested_unread)
      SELECT account_id, user_id, count(*), sum(unread)
      FROM mailbox_senders WHERE messages > 0 AND NOT ignored
      GROUP BY account_id, user_id
      ON CONFLICT (account_id, user_id) DO UPDATE SET suggested_total = EXCLUDED.suggested_total, suggested_unread = EXCLUDED.suggested_unread`);

    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const lower = op.toLowerCase();
      await q.query(`CREATE FUNCTION mailbox_suggested_counts_after_${lower}() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$${suggestedCountsFunction(op)}$$`);
      await q.query(`
        CREATE TRIGGER mailbox_senders_${lower}_counts AFTER ${op} ON mailbox_senders
        REFERENCING ${TRANSITION_TABLES[op]('senders')}
        FOR EACH STATEMENT EXECUTE FUNCTION mailbox_suggested_counts_after_${lower}()`);
      await q.query(`CREATE FUNCTION ignored_senders_after_${lower}() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$${ignoredSendersFunction(op)}$$`);
      await q.query(`
        CREATE TRIGGER ignored_senders_${lower}_mailbox AFTER ${op} ON ignored_senders
        REFERENCING ${TRANSITION_TABLES[op]('ignored')}
        FOR EACH STATEMENT EXECUTE FUNCTION ignored_senders_after_${lower}()`);
    }

    // A page of Suggested people: the user's shown senders, latest first.
    await q.query(`DROP INDEX mailbox_senders_latest`);
    await q.query(`CREATE INDEX mailbox_senders_shown ON mailbox_senders (account_id, user_id, last_date DESC, sender_email) WHERE messages > 0 AND NOT ignored`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP INDEX mailbox_senders_shown`);
    await q.query(`CREATE INDEX mailbox_senders_latest ON mailbox_senders (account_id, user_id, last_date DESC, sender_email) WHERE messages > 0`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER ignored_senders_${op}_mailbox ON ignored_senders`);
      await q.query(`DROP FUNCTION ignored_senders_after_${op}()`);
      await q.query(`DROP TRIGGER mailbox_senders_${op}_counts ON mailbox_senders`);
      await q.query(`DROP FUNCTION mailbox_suggested_counts_after_${op}()`);
    }
    await q.query(`ALTER TABLE mailbox_counters DROP COLUMN suggested_total, DROP COLUMN suggested_unread`);
    await q.query(`ALTER TABLE mailbox_senders DROP COLUMN ignored`);
  }
}
