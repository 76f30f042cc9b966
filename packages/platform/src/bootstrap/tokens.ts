export const RUNTIME = Symbol('RUNTIME');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
