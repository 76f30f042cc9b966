import { Injectable } from '@nestjs/common';
import { DomainError, OpenRecordingRequest, ReadRecordingRequest, RecordingMediaMeta, RecordingSlice } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { TwilioAdapter } from '../twilio/twilio.adapter';
import { RecordingsRepository, toMediaMeta } from './recordings.repository';

/** At most this much per reply: NATS messages are small (1 MiB by default) and base64 adds a third. */
export const MAX_SLICE_BYTES = 512 * 1024;

/**
 * Recording playback. The media is fetched from Twilio on first play (outside any transaction),
 * kept, and read back in slices. Metadata standing in for media Twilio did not have is asked for
 * again on the next play.
 */
@Injectable()
export class RecordingMediaService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly recordings: RecordingsRepository,
    private readonly twilio: TwilioAdapter,
  ) {}

  async open(req: OpenRecordingRequest): Promise<RecordingMediaMeta> {
    const recording = await this.transactions.read((tx) => this.recordings.find(tx, req.accountId, req.recordingId));
    if (!recording) throw DomainError.notFound('recording', req.recordingId);
    if (recording.media_kind === 'audio') return toMediaMeta(recording);
    const media = await this.twilio.fetchRecording(recording.recording_sid);
    return toMediaMeta(await this.transactions.run((tx) => this.recordings.storeMedia(tx, recording.id, media)));
  }

  async read(req: ReadRecordingRequest): Promise<RecordingSlice> {
    const offset = Math.max(0, Math.floor(req.offset));
    const length = Math.min(MAX_SLICE_BYTES, Math.max(0, Math.floor(req.length)));
    const slice = await this.transactions.read((tx) => this.recordings.slice(tx, req.accountId, req.recordingId, offset, length));
    if (!slice) throw DomainError.notFound('recording', req.recordingId);
    return slice;
  }
}
