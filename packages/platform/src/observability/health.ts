import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { register } from 'prom-client';

export interface HealthCheck {
  name: string;
  check: () => Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: HealthCheck): Promise<[string, string]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
    ]);
    return [check.name, 'up'];
  } catch (error) {
    return [check.name, `down: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (`/health/live`), readiness of the database and NATS (`/health`, `/health/ready`), metrics. */
@Controller()
export class ObservabilityController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['health', 'health/ready'])
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, string> }> {
    const results = Object.fromEntries(await Promise.all(this.checks.map(probe)));
    const healthy = Object.values(results).every((state) => state === 'up');
    res.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'unavailable', checks: results };
  }

  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', register.contentType);
    res.send(await register.metrics());
  }
}
