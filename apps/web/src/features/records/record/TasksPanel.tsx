import type { RecordResourceType, TaskDto } from '@crm/contracts';
import { Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { notifyError } from '../../../components/notify';
import type { Lookups } from '../lookups';
import { CardHeading } from './CardHeading';

/** The record's tasks (they are not in the activity feed): tick one to complete it. */
export function TasksPanel(props: { resourceType: RecordResourceType; resourceId: number; lookups: Lookups }) {
  const tasks = usePagedCollection<TaskDto>('/v2/tasks', { resource_type: props.resourceType, resource_id: props.resourceId, per_page: 10 });
  const complete = useApiMutation(({ id, completed }: { id: number; completed: boolean }) => api.put(`/v2/tasks/${id}`, { data: { completed } }), [['/v2/tasks']]);
  const rows = tasks.rows;
  const view = queryStateOf(tasks.collection, { isEmpty: rows.length === 0, message: 'No tasks.' });
  return (
    <Card withBorder>
      <CardHeading title="Tasks" />
      {view ?? (
        <Stack gap="xs">
          {rows.map((task) => (
            <Group key={task.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Checkbox
                label={task.content}
                checked={task.completed}
                onChange={(e) => complete.mutate({ id: task.id, completed: e.currentTarget.checked }, { onError: notifyError })}
                styles={{ label: { textDecoration: task.completed ? 'line-through' : undefined } }}
              />
              <Group gap={4} wrap="nowrap">
                {task.overdue && !task.completed && (
                  <Badge color="red" size="xs">
                    Overdue
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {task.due_date ? new Date(task.due_date).toLocaleString() : 'No due date'} · {props.lookups.userName(task.owner_id)}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Pager {...tasks.pager} />
    </Card>
  );
}
