import { InProcessBus } from '../in-process-bus';
import { ConsumerOptions, DeliveredEvent, DeliveryOutcome, EventTransport, OutgoingEvent } from './event-transport';

export class InProcessEventTransport implements EventTransport {
  private readonly stops: (() => void)[] = [];

  constructor(private readonly bus: InProcessBus) {}

  async publish(events: OutgoingEvent[]): Promise<void> {
    for (const event of events) await this.bus.publish(event.subject, event.eventId, event.payload);
  }

  /** The bus delivers one event at a time: each is a batch of one. */
  async consume(options: ConsumerOptions, handle: (events: DeliveredEvent[]) => Promise<DeliveryOutcome[]>): Promise<void> {
    const subjects = new Set(options.subjects);
    const handleOne = async (event: DeliveredEvent) => (await handle([event]))[0];
    this.stops.push(
      this.bus.consume(options.name, (subject) => subjects.has(subject), handleOne, {
        maxDeliver: options.maxDeliver,
        retryDelayMs: options.retryDelayMs,
      }),
    );
  }

  async listen(subjects: string[], handle: (subject: string, payload: unknown) => void): Promise<void> {
    const wanted = new Set(subjects);
    this.stops.push(this.bus.listen((subject) => wanted.has(subject), handle));
  }

  async close(): Promise<void> {
    this.stops.splice(0).forEach((stop) => stop());
  }
}
