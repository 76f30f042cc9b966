/**
 * A service's outbox as one row per event, for tests to query like a table
 * (`SELECT payload FROM ${outboxEvents('records')} WHERE subject = $1`): a row written by
 * `publishMany` carries a batch of events as a JSON array.
 */
export function outboxEvents(schema: string): string {
  return `(SELECT o.id, e.position, o.subject, o.account_id, o.created_at, e.payload
            FROM "${schema}".outbox o
            CROSS JOIN LATERAL jsonb_array_elements(
              CASE jsonb_typeof(o.payload) WHEN 'array' THEN o.payload ELSE jsonb_build_array(o.payload) END
            ) WITH ORDINALITY AS e(payload, position)
            ORDER BY o.id, e.position) AS outbox_events`;
}
