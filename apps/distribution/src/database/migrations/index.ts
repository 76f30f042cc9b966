import { MessagingTables1700000000000 } from '@crm/platform';
import { DistributionInitial1700000000400 } from './1700000000400-DistributionInitial';

/** In order. Never edit a migration that has shipped: add a new one. */
export const distributionMigrations = [MessagingTables1700000000000, DistributionInitial1700000000400];
