import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { UsersModule } from '../users/users.module';
import { TasksHandlers } from './tasks.handlers';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [AccessModule, RecordSupportModule, UsersModule],
  controllers: [TasksHandlers],
  providers: [TasksService, TasksRepository],
  exports: [TasksService],
})
export class TasksModule {}
