import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ImportDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';

/** Raw bytes per chunk sent to records (base64 keeps it under NATS's 1 MiB message). */
const CHUNK_BYTES = 512 * 1024;
const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
const OPTION_FIELDS = new Set(['resource_type', 'mapping', 'owner_id', 'owner_pool_id', 'dedupe_key']);

/**
 * `POST /v2/imports` as multipart/form-data: the options as fields first, then the CSV as the
 * `file` part. The file is streamed to records in ordered chunks as it arrives, so neither the
 * gateway nor records ever holds it whole; records' worker starts once the last chunk is stored.
 */
@Injectable()
export class ImportUploader {
  constructor(private readonly rpc: RpcClient) {}

  upload(actor: Actor, request: Request): Promise<ImportDto> {
    if (!request.headers['content-type']?.startsWith('multipart/form-data')) {
      return Promise.reject(invalid('file', 'send multipart/form-data: the options as fields, then the CSV as the "file" part'));
    }
    return new Promise<ImportDto>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let refused: DomainError | undefined;
      let upload: Promise<ImportDto> | undefined;
      const parser = busboy({ headers: request.headers, limits: { files: 1, fields: 10, fieldSize: 64 * 1024, fileSize: MAX_FILE_BYTES } });
      parser.on('field', (name, value) => {
        if (!OPTION_FIELDS.has(name)) refused ??= new DomainError(422, [{ resource: 'import', field: `/${name}`, code: 'unknown', message: 'unknown attribute' }]);
        fields[name] = value;
      });
      parser.on('file', (name, stream) => {
        if (name !== 'file' || refused || upload) {
          refused ??= invalid('file', 'the CSV goes in one part named "file", after the options');
          stream.resume();
          return;
        }
        upload = this.stream(actor, fields, stream);
        upload.catch(() => stream.resume()); // keep reading so the request completes
      });
      parser.on('error', () => reject(new DomainError(400, [{ code: 'invalid', message: 'malformed multipart body' }])));
      parser.on('close', () => {
        if (refused) reject(refused);
        else if (!upload) reject(invalid('file', 'no file: add the CSV as a part named "file"'));
        else upload.then(resolve, reject);
      });
      request.pipe(parser);
    });
  }

  private async stream(actor: Actor, fields: Record<string, string>, file: Readable & { truncated?: boolean }): Promise<ImportDto> {
    const created = await this.rpc.request(R.CreateImport, { ...actor, data: toOptions(fields) });
    let seq = 0;
    let pending = Buffer.alloc(0);
    const send = async (data: Buffer) => {
      await this.rpc.request(R.AppendImportChunk, { ...actor, importId: created.id, seq: seq++, data: data.toString('base64') });
    };
    for await (const chunk of file) {
      pending = Buffer.concat([pending, chunk as Buffer]);
      while (pending.length >= CHUNK_BYTES) {
        await send(pending.subarray(0, CHUNK_BYTES));
        pending = pending.subarray(CHUNK_BYTES);
      }
    }
    if (file.truncated) throw new DomainError(413, [{ resource: 'import', code: 'too_large', message: `files are limited to ${MAX_FILE_BYTES} bytes` }]);
    if (pending.length > 0) await send(pending);
    return this.rpc.request(R.StartImport, { ...actor, id: created.id });
  }
}

/** Form fields are text: numbers and the mapping's JSON become what the import options expect. */
function toOptions(fields: Record<string, string>): Record<string, unknown> {
  const options: Record<string, unknown> = { ...fields };
  for (const key of ['owner_id', 'owner_pool_id']) {
    if (fields[key] !== undefined && /^\d+$/.test(fields[key])) options[key] = Number(fields[key]);
  }
  if (fields.mapping !== undefined) {
    try {
      options.mapping = JSON.parse(fields.mapping);
    } catch {
      throw invalid('mapping', 'mapping must be a JSON object of CSV header → field');
    }
  }
  return options;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(422, [{ resource: 'import', field: `/${field}`, code: 'invalid', message }]);
}
