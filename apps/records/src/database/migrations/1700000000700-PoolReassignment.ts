import { MigrationInterface, QueryRunner } from 'typeorm';

/** Smart-list reassignment through a distribution pool: the pool, and each record's allocated owner. */
export class PoolReassignment1700000000700 implements MigrationInterface {
  name = 'PoolReassignment1700000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`ALTER TABLE jobs ADD COLUMN owner_pool_id integer`);
    await q.query(`ALTER TABLE job_items ADD COLUMN owner_id integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`ALTER TABLE job_items DROP COLUMN owner_id`);
    await q.query(`ALTER TABLE jobs DROP COLUMN owner_pool_id`);
  }
}
