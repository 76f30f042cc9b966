export * from './test-env';
export * from './test-database';
export * from './stack';
export * from './process-stack';
export * from './factories';
export * from './twilio/prism-mock';
export * from './twilio/twilio-api-proxy';
