import { DataSource } from 'typeorm';

/**
 * Run a service's pending migrations. The schema is created first (TypeORM keeps its
 * migrations table inside it) and an advisory lock keeps replicas from migrating at once.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

/** Standalone migration run for one service (npm run migrate, the Kubernetes migration Job). */
export async function migrateService(
  options: { url: string; schema: string; applicationName: string },
  // eslint-disable-next-line @typescript-eslint/ban-types
  migrations: Function[],
): Promise<string[]> {
  const { createServiceDataSource } = await import('./data-source');
  const dataSource = createServiceDataSource({ ...options, entities: [], migrations, poolSize: 1 });
  await dataSource.initialize();
  try {
    return await migrateSchema(dataSource, options.schema);
  } finally {
    await dataSource.destroy();
  }
}
