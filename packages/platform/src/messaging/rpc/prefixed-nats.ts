import { ClientNats, ReadPacket, ServerNats, WritePacket } from '@nestjs/microservices';
import type { Msg, MsgHdrs, NatsConnection } from 'nats';

interface PrefixedNatsOptions {
  servers: string[];
  queue: string;
  prefix: string;
  name: string;
}

/**
 * No stack captured per request (nats.js builds an Error for every request and pull otherwise, to
 * say where a timed-out call started): a measurable share of a busy service's CPU.
 */
export const NATS_CONNECTION_TUNING = { maxReconnectAttempts: -1, noAsyncTraces: true } as const;

/**
 * Nest's NATS server, subscribing every pattern under a subject prefix in the service's queue
 * group, so replicas share the load and separate deployments can share one NATS.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(private readonly settings: PrefixedNatsOptions) {
    super({ servers: settings.servers, queue: settings.queue, name: settings.name, ...NATS_CONNECTION_TUNING });
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

/** Longer than any caller's own timeout (RpcClient's), so that one decides. */
const TRANSPORT_TIMEOUT_MS = 60_000;

/**
 * Nest's NATS client, under a subject prefix, sending each request with `request()` over the
 * connection's one shared reply subscription instead of subscribing and unsubscribing a fresh
 * inbox per request (three protocol messages and server-side interest churn per call).
 */
export class PrefixedNatsClient extends ClientNats {
  constructor(private readonly settings: Omit<PrefixedNatsOptions, 'queue'>) {
    super({ servers: settings.servers, name: settings.name, ...NATS_CONNECTION_TUNING });
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['send']>[0]): string {
    return this.settings.prefix + super.normalizePattern(pattern);
  }

  protected override publish(partialPacket: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    try {
      const packet = this.assignPacketId(partialPacket);
      const serialized = this.serializer.serialize(packet) as { data: Uint8Array; headers?: MsgHdrs };
      this.unwrap<NatsConnection>()
        .request(this.normalizePattern(partialPacket.pattern), serialized.data, {
          timeout: TRANSPORT_TIMEOUT_MS,
          headers: this.mergeHeaders(serialized.headers),
        })
        .then(async (reply: Msg) => {
          const message = (await this.deserializer.deserialize(reply.data)) as WritePacket;
          callback({ err: message.err, response: message.response, isDisposed: true });
        })
        .catch((err: unknown) => callback({ err, isDisposed: true }));
    } catch (err) {
      callback({ err, isDisposed: true });
    }
    return () => undefined;
  }
}
