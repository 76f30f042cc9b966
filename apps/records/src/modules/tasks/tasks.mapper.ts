import type { TaskDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { TaskEntity } from './entities/task.entity';

export function toTaskDto(task: TaskEntity, now = new Date()): TaskDto {
  return {
    id: task.id,
    creator_id: task.creator_id,
    owner_id: task.owner_id,
    content: task.content,
    due_date: iso(task.due_date),
    remind_at: iso(task.remind_at),
    completed: task.completed,
    completed_at: iso(task.completed_at),
    overdue: !task.completed && task.due_date !== null && task.due_date < now,
    resource_type: task.resource_type,
    resource_id: task.resource_id,
    created_at: iso(task.created_at),
    updated_at: iso(task.updated_at),
  };
}
