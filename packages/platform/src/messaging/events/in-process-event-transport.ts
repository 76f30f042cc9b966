import { InProcessBus } from '../in-process-bus';
import { ConsumerOptions, DeliveredEvent, DeliveryOutcome, EventTransport, OutgoingEvent } from './event-transport';

export class InProcessEventTransport implements EventTransport {
  private readonly stops: (() => void)[] = [];

  constructor(private readonly bus: InProcessBus) {}

  async publish(events: OutgoingEvent[]): Promise<void> {
    for (const event of events) await this.bus.publish(event.subject, event.eventId, event.payload);
  }

  async consume(options: ConsumerOptions, handle: (event: DeliveredEvent) => Promise<DeliveryOutcome>): Promise<void> {
    const subjects = new Set(options.subjects);
    this.stops.push(
      this.bus.consume(options.name, (subject) => subjects.has(subject), handle, {
        maxDeliver: options.maxDeliver,
        retryDelayMs: options.retryDelayMs,
      }),
    );
  }

  async close(): Promise<void> {
    this.stops.splice(0).forEach((stop) => stop());
  }
}
