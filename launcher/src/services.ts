import { communicationsService } from '@crm/communications';
import { distributionService } from '@crm/distribution';
import { gatewayService } from '@crm/gateway';
import { mailIngestService } from '@crm/mail-ingest';
import type { ServiceEntry } from '@crm/platform';
import { recordsService } from '@crm/records';
import { telephonyService } from '@crm/telephony';

/** Every service, in start order: owners of data first, the public gateway last. */
export const ALL_SERVICES: ServiceEntry[] = [
  recordsService,
  distributionService,
  communicationsService,
  telephonyService,
  mailIngestService,
  gatewayService,
];
