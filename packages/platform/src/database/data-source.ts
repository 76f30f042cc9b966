import { DataSource, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema: its tables, its outbox and inbox, its migrations table. */
  schema: string;
  // TypeORM's own option types.
  // eslint-disable-next-line @typescript-eslint/ban-types
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/ban-types
  migrations: MixedList<Function | string>;
  poolSize: number;
  applicationName: string;
}

/** One DataSource per service, bound to its schema. Schema changes only through migrations. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    extra: {
      // Migrations hold one connection for their advisory lock and run on another.
      max: Math.max(2, options.poolSize),
      application_name: options.applicationName,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
    },
  });
}
