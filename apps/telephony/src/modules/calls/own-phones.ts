import { Injectable, Logger } from '@nestjs/common';
import { RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { countryOf, toE164 } from '../phone-numbers/phone-format';

/** Where a user's calls ring: the `phone_number` of their user profile in records. */
@Injectable()
export class OwnPhones {
  private readonly logger = new Logger(OwnPhones.name);

  constructor(private readonly rpc: RpcClient) {}

  /** E.164 of the user's own phone; null when they have none (or it is their Twilio number, which would loop). */
  async of(accountId: number, userId: number, twilioNumber: string, correlationId?: string): Promise<string | null> {
    const user = await this.rpc.request(R.GetUser, { accountId, userId, correlationId, id: userId });
    const own = toE164(user.phone_number, countryOf(twilioNumber));
    return own && own !== twilioNumber ? own : null;
  }

  /** For a ringing call: when records cannot say, the caller still reaches voicemail rather than an error. */
  async orVoicemail(accountId: number, userId: number, twilioNumber: string, correlationId?: string): Promise<string | null> {
    try {
      return await this.of(accountId, userId, twilioNumber, correlationId);
    } catch (error) {
      this.logger.warn({ accountId, userId, err: error }, 'could not read the user\'s own phone; the call goes to voicemail');
      return null;
    }
  }
}
