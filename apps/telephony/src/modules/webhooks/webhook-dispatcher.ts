import { Injectable } from '@nestjs/common';
import { DomainError, TwilioWebhookReply, TwilioWebhookRequest } from '@crm/contracts';
import { CallStatusService } from '../calls/call-status.service';
import { ClickToCallService } from '../calls/click-to-call.service';
import { InboundVoiceService } from '../calls/inbound-voice.service';
import { VOICE_STEPS } from '../calls/voice-twiml';
import { RecordingCallbackService } from '../recordings/recording-callback.service';
import { InboundSmsService } from '../text-messages/inbound-sms.service';
import { MessageStatusService } from '../text-messages/message-status.service';
import { twilioNotConfigured } from '../twilio/twilio-errors';
import { TwilioAdapter } from '../twilio/twilio.adapter';
import { WebhookInput } from '../webhook-log/webhook-input';

/**
 * Every Twilio webhook enters here: the signature is checked first (invalid or missing: 403 and
 * nothing read or stored), then the webhook goes to the service that owns what it is about.
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly twilio: TwilioAdapter,
    private readonly sms: InboundSmsService,
    private readonly messageStatus: MessageStatusService,
    private readonly voice: InboundVoiceService,
    private readonly clickToCall: ClickToCallService,
    private readonly callStatus: CallStatusService,
    private readonly recordings: RecordingCallbackService,
  ) {}

  handle(request: TwilioWebhookRequest): Promise<TwilioWebhookReply> {
    if (!this.twilio.configured) throw twilioNotConfigured('webhook');
    if (!this.twilio.isSigned(request)) throw DomainError.forbidden('webhook', 'the request is not signed by Twilio (X-Twilio-Signature)');
    const input = new WebhookInput(request.kind, request.url, request.params);
    const correlationId = request.correlationId;
    switch (request.kind) {
      case 'sms':
        return this.sms.receive(input, correlationId);
      case 'voice':
        return this.voiceStep(input, correlationId);
      case 'status':
        return input.param('MessageSid') || input.param('SmsSid')
          ? this.messageStatus.update(input, correlationId)
          : this.callStatus.update(input, correlationId);
      case 'recording':
        return this.recordings.ready(input, correlationId);
    }
  }

  private async voiceStep(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const ref = input.query.get('ref');
    if (ref) return this.clickToCall.bridge(input, ref, correlationId);
    switch (input.query.get('step')) {
      case VOICE_STEPS.dialEnded:
        return this.voice.dialEnded(input, correlationId);
      case VOICE_STEPS.voicemailEnded:
        return this.voice.voicemailEnded();
      default:
        return this.voice.incoming(input, correlationId);
    }
  }
}
