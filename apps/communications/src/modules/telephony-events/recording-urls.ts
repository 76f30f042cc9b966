import { Inject, Injectable } from '@nestjs/common';
import { loadEnv, RUNTIME, ServiceRuntime } from '@crm/platform';
import { Matches } from 'class-validator';

class PublicUrlEnv {
  /** Where clients reach the gateway. */
  @Matches(/^https?:\/\/[^\s/]+/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';
}

/** Sell's `recording_url` of a recorded call: the gateway streams telephony's recording, behind auth. */
@Injectable()
export class RecordingUrls {
  private readonly base: string;

  constructor(@Inject(RUNTIME) runtime: ServiceRuntime) {
    this.base = loadEnv(PublicUrlEnv, runtime.settings).PUBLIC_URL.replace(/\/+$/, '');
  }

  of(callId: number): string {
    return `${this.base}/v2/calls/${callId}/recording`;
  }
}
