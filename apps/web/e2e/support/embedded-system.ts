/** The system as `npm start` runs it, for browser tests: see @crm/testing's embedded-system.ts. */
export { EmbeddedSystem, startEmbeddedSystem, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from '@crm/testing';
