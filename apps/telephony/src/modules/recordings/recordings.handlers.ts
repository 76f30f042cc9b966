import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, TelephonyRequests as T } from '@crm/contracts';
import { RecordingMediaService } from './recording-media.service';

@Controller()
export class RecordingsHandlers {
  constructor(private readonly media: RecordingMediaService) {}

  @MessagePattern(T.OpenRecording)
  open(@Payload() req: RequestOf<typeof T.OpenRecording>) {
    return this.media.open(req);
  }

  @MessagePattern(T.ReadRecording)
  read(@Payload() req: RequestOf<typeof T.ReadRecording>) {
    return this.media.read(req);
  }
}
