import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@crm/contracts';
import twilio from 'twilio';
import { TELEPHONY_SETTINGS, TelephonyEnv, TwilioCredentials, twilioCredentials } from '../../config';
import { twilioFailure, twilioNotConfigured } from './twilio-errors';
import { TwilioRequestClient } from './twilio-request-client';
import { isSignedByTwilio, SignedWebhook } from './webhook-signature';

const API_TIMEOUT_MS = 8_000;
/** Recordings are fetched once and kept; a longer one than this is refused. */
export const MAX_RECORDING_BYTES = 50 * 1024 * 1024;

export interface SendMessageCommand {
  from: string;
  to: string;
  body: string;
  statusCallback: string;
}

export interface CreateCallCommand {
  from: string;
  to: string;
  /** TwiML for when the user answers (the bridge). */
  url: string;
  statusCallback: string;
  recordingStatusCallback: string;
}

export interface CreatedResource {
  sid: string;
  status: string;
}

export interface FetchedMedia {
  kind: 'audio' | 'metadata';
  contentType: string;
  data: Buffer;
}

/**
 * The outside world for telephony: Twilio's REST API through the `twilio` SDK, and Twilio's
 * signature check. Every failure leaves as a DomainError (see twilio-errors); small tests can
 * replace this class.
 */
@Injectable()
export class TwilioAdapter {
  private readonly credentials: TwilioCredentials | null;
  private readonly httpClient: TwilioRequestClient;
  private readonly client: twilio.Twilio | null;

  constructor(@Inject(TELEPHONY_SETTINGS) settings: TelephonyEnv) {
    this.credentials = twilioCredentials(settings);
    this.httpClient = new TwilioRequestClient(settings.TWILIO_API_BASE_URL, API_TIMEOUT_MS);
    this.client = this.credentials
      ? twilio(this.credentials.accountSid, this.credentials.authToken, { httpClient: this.httpClient, autoRetry: false })
      : null;
  }

  get configured(): boolean {
    return this.credentials !== null;
  }

  /** False when Twilio is not configured: no request can be trusted then. */
  isSigned(webhook: SignedWebhook): boolean {
    return this.credentials !== null && isSignedByTwilio(this.credentials.authToken, webhook);
  }

  async sendMessage(command: SendMessageCommand): Promise<CreatedResource> {
    const client = this.require('text_message');
    try {
      const message = await client.messages.create({ from: command.from, to: command.to, body: command.body, statusCallback: command.statusCallback });
      return { sid: message.sid, status: message.status };
    } catch (error) {
      throw twilioFailure('text_message', error);
    }
  }

  async createCall(command: CreateCallCommand): Promise<CreatedResource> {
    const client = this.require('call');
    try {
      const call = await client.calls.create({
        from: command.from,
        to: command.to,
        url: command.url,
        statusCallback: command.statusCallback,
        record: true,
        recordingStatusCallback: command.recordingStatusCallback,
      });
      return { sid: call.sid, status: call.status };
    } catch (error) {
      throw twilioFailure('call', error);
    }
  }

  /**
   * A recording's audio (MP3). When Twilio has no media for it (404: still processing, media
   * deleted — or a mock of the REST API, which serves no media), the recording's own resource
   * (JSON metadata) stands in, marked as such so the audio is asked for again next time.
   */
  async fetchRecording(recordingSid: string): Promise<FetchedMedia> {
    const client = this.require('recording');
    const { accountSid, authToken } = this.credentials!;
    const base = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${encodeURIComponent(recordingSid)}`;
    try {
      const audio = await this.httpClient.fetchBinary(`${base}.mp3`, accountSid, authToken, MAX_RECORDING_BYTES);
      if (audio.status === 200) return { kind: 'audio', contentType: 'audio/mpeg', data: audio.body };
      if (audio.status !== 404) throw new twilio.RestException({ statusCode: audio.status, body: audio.body.toString('utf8') });
      const metadata = await client.recordings(recordingSid).fetch();
      return { kind: 'metadata', contentType: 'application/json', data: Buffer.from(JSON.stringify(metadata.toJSON())) };
    } catch (error) {
      if (error instanceof twilio.RestException && error.status === 404) throw DomainError.notFound('recording', recordingSid);
      throw twilioFailure('recording', error);
    }
  }

  private require(resource: string): twilio.Twilio {
    if (!this.client) throw twilioNotConfigured(resource);
    return this.client;
  }
}
