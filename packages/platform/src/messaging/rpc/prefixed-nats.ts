import { ClientNats, ServerNats } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';

interface PrefixedNatsOptions {
  servers: string[];
  queue: string;
  prefix: string;
  name: string;
}

/**
 * Nest's NATS server, subscribing every pattern under a subject prefix in the service's queue
 * group, so replicas share the load and separate deployments can share one NATS.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(private readonly settings: PrefixedNatsOptions) {
    super({ servers: settings.servers, queue: settings.queue, name: settings.name, maxReconnectAttempts: -1 });
  }

  override bindEvents(client: NatsConnection): void {
    for (const [pattern] of this.messageHandlers) {
      client.subscribe(this.settings.prefix + pattern, {
        queue: this.settings.queue,
        callback: this.getMessageHandler(pattern).bind(this) as never,
      });
    }
  }
}

export class PrefixedNatsClient extends ClientNats {
  constructor(private readonly settings: Omit<PrefixedNatsOptions, 'queue'>) {
    super({ servers: settings.servers, name: settings.name, maxReconnectAttempts: -1 });
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['send']>[0]): string {
    return this.settings.prefix + super.normalizePattern(pattern);
  }
}
