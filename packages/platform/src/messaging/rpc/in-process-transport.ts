import { CustomTransportStrategy, ClientProxy, ReadPacket, Server, WritePacket } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { InProcessBus } from '../in-process-bus';

/** Nest transport strategy answering request patterns from the in-process bus. */
export class InProcessServer extends Server implements CustomTransportStrategy {
  private unregister: (() => void)[] = [];

  constructor(private readonly bus: InProcessBus) {
    super();
  }

  listen(callback: () => void): void {
    for (const [pattern, handler] of this.messageHandlers) {
      this.unregister.push(
        this.bus.handle(pattern, async (data) => {
          const result = await handler(data);
          return isObservable(result) ? lastValueFrom(result) : result;
        }),
      );
    }
    callback();
  }

  close(): void {
    this.unregister.forEach((off) => off());
    this.unregister = [];
  }

  on(): void {
    // No connection status to report in-process.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}

/** Nest client proxy sending requests over the in-process bus. */
export class InProcessClient extends ClientProxy {
  constructor(private readonly bus: InProcessBus) {
    super();
  }

  async connect(): Promise<void> {}
  async close(): Promise<void> {}

  unwrap<T>(): T {
    return this.bus as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const subject = this.normalizePattern(packet.pattern);
    this.bus
      .request(subject, packet.data)
      .then((response) => callback({ response, isDisposed: true }))
      .catch((err: unknown) => callback({ err, isDisposed: true }));
    return () => undefined;
  }

  protected async dispatchEvent(): Promise<never> {
    throw new Error('events go through the outbox, not the request client');
  }
}

