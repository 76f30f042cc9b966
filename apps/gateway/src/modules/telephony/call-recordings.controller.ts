import { Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { Actor, CommunicationsRequests as C, DomainError, TelephonyRequests as T } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import { CurrentActor, RecordId } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { sendRecording } from './recording-stream';

/**
 * Our extension on calls: play a recording. Communications says whether the actor may see the
 * call (and which recording it has); telephony holds the media.
 */
@SellResource('calls', 'Calls')
export class CallRecordingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/recording')
  @ApiOperation({ summary: "Play a call's recording or voicemail (streamed; fetched from Twilio on first play)" })
  @ApiProduces('audio/mpeg')
  @ApiResponse({ status: 200, description: 'the recording', schema: { type: 'string', format: 'binary' } })
  @ApiSellErrors(404, 502, 503)
  async recording(@CurrentActor() actor: Actor, @RecordId('id', 'call') id: number, @Res() response: Response): Promise<void> {
    const call = await this.rpc.request(C.GetCall, { ...actor, id });
    if (!call.recording_id) throw DomainError.notFound('recording');
    const meta = await this.rpc.request(T.OpenRecording, { accountId: actor.accountId, recordingId: call.recording_id });
    await sendRecording(this.rpc, actor.accountId, meta, response);
  }
}
