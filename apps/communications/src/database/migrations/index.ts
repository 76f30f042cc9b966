import { MessagingTables1700000000000 } from '@crm/platform';
import { CommunicationsCalls1700000000100 } from './1700000000100-CommunicationsCalls';
import { CommunicationsEmails1700000000200 } from './1700000000200-CommunicationsEmails';
import { CommunicationCenter1700000000300 } from './1700000000300-CommunicationCenter';
import { MailboxTabs1700000000310 } from './1700000000310-MailboxTabs';
import { CommunicationActivities1700000000330 } from './1700000000330-CommunicationActivities';
import { PhoneCenter1700000000400 } from './1700000000400-PhoneCenter';
import { SuggestedCounters1700000000410 } from './1700000000410-SuggestedCounters';
import { PhoneCenterCounters1700000000420 } from './1700000000420-PhoneCenterCounters';
import { Lz4Compression1700000000430 } from './1700000000430-Lz4Compression';
import { EmailsById1700000000440 } from './1700000000440-EmailsById';

/** In order. Never edit a migration that has shipped: add a new one. */
export const communicationsMigrations = [
  MessagingTables1700000000000, CommunicationsCalls1700000000100, CommunicationsEmails1700000000200,
  CommunicationCenter1700000000300,
  MailboxTabs1700000000310,
  CommunicationActivities1700000000330,
  PhoneCenter1700000000400,
  SuggestedCounters1700000000410,
  PhoneCenterCounters1700000000420,
  Lz4Compression1700000000430,
  EmailsById1700000000440,
];
