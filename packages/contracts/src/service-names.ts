/** The six services; each owns the Postgres schema of the same name (dashes become underscores). */
export const SERVICE_NAMES = ['gateway', 'records', 'communications', 'mail-ingest', 'telephony', 'distribution'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function schemaOf(service: ServiceName): string {
  return service.replace(/-/g, '_');
}
