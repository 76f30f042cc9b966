import { Injectable } from '@nestjs/common';
import type { RecordingMediaMeta, RecordingSlice } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface RecordingRow {
  id: string;
  account_id: number;
  recording_sid: string;
  call_sid: string;
  duration: number;
  media_kind: 'audio' | 'metadata' | null;
  content_type: string | null;
  size: number | null;
}

export interface NewRecording {
  account_id: number;
  recording_sid: string;
  call_sid: string;
  url: string | null;
  duration: number;
  voicemail: boolean;
}

const COLUMNS = `id, account_id, recording_sid, call_sid, duration, media_kind, content_type, size`;

@Injectable()
export class RecordingsRepository {
  /** The recording's row, inserted or (a second callback for the same recording) the existing one. */
  async upsert(tx: Tx, recording: NewRecording): Promise<RecordingRow> {
    const [row] = await tx.rows<RecordingRow>(
      `INSERT INTO telephony.recordings (account_id, recording_sid, call_sid, url, duration, voicemail)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (recording_sid) DO UPDATE SET duration = excluded.duration RETURNING ${COLUMNS}`,
      [recording.account_id, recording.recording_sid, recording.call_sid, recording.url, recording.duration, recording.voicemail],
    );
    return row;
  }

  async find(tx: Tx, accountId: number, id: number): Promise<RecordingRow | null> {
    const rows = await tx.rows<RecordingRow>(`SELECT ${COLUMNS} FROM telephony.recordings WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return rows[0] ?? null;
  }

  async storeMedia(tx: Tx, id: string, media: { kind: 'audio' | 'metadata'; contentType: string; data: Buffer }): Promise<RecordingRow> {
    const [row] = await tx.rows<RecordingRow>(
      `UPDATE telephony.recordings SET media_kind = $2, content_type = $3, size = $4, media = $5, fetched_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, media.kind, media.contentType, media.data.length, media.data],
    );
    return row;
  }

  /** Bytes [offset, offset + length) of the stored media, without loading the rest. */
  async slice(tx: Tx, accountId: number, id: number, offset: number, length: number): Promise<RecordingSlice | null> {
    const rows = await tx.rows<{ size: number; data: Buffer }>(
      `SELECT size, substring(media FROM $3 FOR $4) AS data FROM telephony.recordings
       WHERE account_id = $1 AND id = $2 AND media IS NOT NULL`,
      [accountId, id, offset + 1, length],
    );
    const row = rows[0];
    return row ? { size: row.size, offset, data: row.data.toString('base64') } : null;
  }
}

export function toMediaMeta(row: RecordingRow): RecordingMediaMeta {
  return { id: Number(row.id), content_type: row.content_type!, size: row.size!, duration: row.duration };
}
