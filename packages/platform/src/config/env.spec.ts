import { loadEnv, ConfigError } from './env';
import { ServiceEnv } from './platform-env';

const valid = { DATABASE_URL: 'postgres://u@h:5432/db', NATS_URL: 'nats://127.0.0.1:4222' };

describe('loadEnv', () => {
  it('converts numbers and keeps defaults', () => {
    const config = loadEnv(ServiceEnv, { ...valid, PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names every missing or malformed variable', () => {
    expect(() => loadEnv(ServiceEnv, { NATS_URL: 'http://x', PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadEnv(ServiceEnv, { NATS_URL: 'http://x', PORT: 'eighty' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL=(not set)');
      expect(message).toContain('NATS_URL="http://x"');
      expect(message).toContain('PORT="eighty"');
    }
  });
});
