import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { ImportsService } from './imports.service';

@Controller()
export class ImportsHandlers {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(R.CreateImport)
  create(@Payload() req: RequestOf<typeof R.CreateImport>) {
    return this.imports.create(req, req.data);
  }

  @MessagePattern(R.AppendImportChunk)
  append(@Payload() req: RequestOf<typeof R.AppendImportChunk>) {
    return this.imports.append(req, req.importId, req.seq, req.data);
  }

  @MessagePattern(R.StartImport)
  start(@Payload() req: RequestOf<typeof R.StartImport>) {
    return this.imports.start(req, req.id);
  }

  @MessagePattern(R.GetImport)
  get(@Payload() req: RequestOf<typeof R.GetImport>) {
    return this.imports.get(req, req.id);
  }

  @MessagePattern(R.ListImports)
  list(@Payload() req: RequestOf<typeof R.ListImports>) {
    return this.imports.list(req, req.query);
  }

  @MessagePattern(R.ListImportErrors)
  errors(@Payload() req: RequestOf<typeof R.ListImportErrors>) {
    return this.imports.errors(req, req.importId, req.afterRow, req.limit);
  }
}
