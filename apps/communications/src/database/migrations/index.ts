import { MessagingTables1700000000000 } from '@crm/platform';
import { CommunicationsCalls1700000000100 } from './1700000000100-CommunicationsCalls';

/** In order. Never edit a migration that has shipped: add a new one. */
export const communicationsMigrations = [MessagingTables1700000000000, CommunicationsCalls1700000000100];
