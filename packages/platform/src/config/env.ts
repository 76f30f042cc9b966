import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {}

/**
 * Read and validate environment variables into a typed class. A missing or malformed variable
 * fails with one message naming every bad variable, so a process can exit at start with it.
 */
export function loadEnv<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(cls, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const received = env[e.property];
      const shown = received === undefined ? '(not set)' : JSON.stringify(received);
      return `  ${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/** For a process entry point: validate or print the reason and exit with status 78 (EX_CONFIG). */
export function loadEnvOrExit<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  try {
    return loadEnv(cls, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
