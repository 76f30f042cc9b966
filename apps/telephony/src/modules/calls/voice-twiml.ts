import { Inject, Injectable } from '@nestjs/common';
import type { TwilioWebhookReply } from '@crm/contracts';
import twilio from 'twilio';
import { TELEPHONY_SETTINGS, TelephonyEnv, webhookUrl } from '../../config';
import { twiml } from '../webhook-log/webhook-input';

/** The steps of a call that come back to the voice webhook, as `?step=` of its URL. */
export const VOICE_STEPS = { dialEnded: 'dial-ended', voicemailEnded: 'voicemail-ended' } as const;

/** The TwiML telephony answers calls with (the SDK's VoiceResponse builds and escapes it). */
@Injectable()
export class VoiceTwiml {
  constructor(@Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonyEnv) {}

  /** Ring the user's own phone, record once answered; the outcome comes back to the voice webhook. */
  ringUser(ownPhone: string): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    const dial = response.dial({
      action: webhookUrl(this.settings, 'voice', { step: VOICE_STEPS.dialEnded }),
      method: 'POST',
      timeout: this.settings.TWILIO_RING_SECONDS,
      record: 'record-from-answer',
      recordingStatusCallback: webhookUrl(this.settings, 'recording'),
      recordingStatusCallbackEvent: ['completed'],
    });
    dial.number(ownPhone);
    return twiml(response);
  }

  /** Nobody answered: a greeting, then a message recorded as the call's voicemail. */
  voicemail(): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    response.say(this.settings.TWILIO_VOICEMAIL_GREETING);
    response.record({
      maxLength: this.settings.TWILIO_VOICEMAIL_MAX_SECONDS,
      playBeep: true,
      // Without an action Twilio would request this document again when the recording ends.
      action: webhookUrl(this.settings, 'voice', { step: VOICE_STEPS.voicemailEnded }),
      method: 'POST',
      recordingStatusCallback: webhookUrl(this.settings, 'recording', { voicemail: 'true' }),
      recordingStatusCallbackEvent: ['completed'],
    });
    response.hangup();
    return twiml(response);
  }

  /** Click-to-call: the user answered their phone; connect them to the lead or contact, showing their Twilio number. */
  bridge(remote: string, callerId: string): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    response.dial({ callerId }).number(remote);
    return twiml(response);
  }

  /** A click-to-call we no longer know (or one that was refused): say so and hang up. */
  unavailable(): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    response.say('This call can no longer be connected.');
    response.hangup();
    return twiml(response);
  }

  hangup(): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    response.hangup();
    return twiml(response);
  }

  /** A call to a number nobody here has. */
  reject(): TwilioWebhookReply {
    const response = new twilio.twiml.VoiceResponse();
    response.reject();
    return twiml(response);
  }
}
