import { Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { Actor, ImportDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { SchemaObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { pagedOnly } from '../../http/list-query';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { ImportUploader } from './import-uploader';

const IMPORT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'] },
    status: { type: 'string', enum: ['uploading', 'queued', 'running', 'completed', 'failed'] },
    rows_read: { type: 'integer' },
    rows_created: { type: 'integer' },
    rows_failed: { type: 'integer' },
    rows_skipped: { type: 'integer', description: 'duplicates by the dedupe key' },
    progress: { type: 'number', minimum: 0, maximum: 1 },
    error: { type: 'string', nullable: true },
  },
};

/** Our extension: CSV imports of leads, contacts and deals, with progress and an error report. */
@SellResource('imports', 'Imports')
export class ImportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploader: ImportUploader,
  ) {}

  /**
   * multipart/form-data: `resource_type`, optional `mapping` (JSON: header → field, "" to skip a column), `owner_id` or
   * `owner_pool_id`, `dedupe_key` (email), then the CSV (UTF-8, header row) as `file`. 202: the import runs on.
   */
  @Post()
  @HttpCode(202)
  @ApiSellRead('Start a CSV import (multipart/form-data; our extension)', 'import', IMPORT_SCHEMA)
  async create(@CurrentActor() actor: Actor, @Req() request: Request): Promise<SingleEnvelope<ImportDto>> {
    return single('import', await this.uploader.upload(actor, request));
  }

  @Get()
  @ListRoute('List imports, newest first (your own; all of the account for roles that see all records)', 'import', IMPORT_SCHEMA, pagedOnly('import'))
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<ImportDto>> {
    return collection('import', await this.rpc.request(R.ListImports, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Progress of an import', 'import', IMPORT_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'import') id: number): Promise<SingleEnvelope<ImportDto>> {
    return single('import', await this.rpc.request(R.GetImport, { ...actor, id }));
  }

  /** The rows that could not be imported, as CSV (row number, reason), readable while the import runs. */
  @Get(':id/errors')
  async errors(@CurrentActor() actor: Actor, @RecordId('id', 'import') id: number, @Res() response: Response): Promise<void> {
    let afterRow = 0;
    let errors = await this.rpc.request(R.ListImportErrors, { ...actor, importId: id, afterRow, limit: 5000 });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
    response.write('row,error\n');
    while (errors.length > 0) {
      response.write(errors.map((e) => `${e.row},"${e.message.replace(/"/g, '""')}"`).join('\n') + '\n');
      afterRow = errors[errors.length - 1].row;
      errors = await this.rpc.request(R.ListImportErrors, { ...actor, importId: id, afterRow, limit: 5000 });
    }
    response.end();
  }
}
