import type { RecordResourceType } from '@crm/contracts';
import { Button, Group, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { notifyError, notifySuccess } from '../../../components/notify';

/** Add a note (it reaches the feed once communications has it) or a task to the record. */
export function ActivityComposer(props: { resourceType: RecordResourceType; resourceId: number; onNoteAdded: () => void }) {
  const [note, setNote] = useState('');
  const [task, setTask] = useState('');
  const [due, setDue] = useState('');
  const target = { resource_type: props.resourceType, resource_id: props.resourceId };
  const addNote = useApiMutation((content: string) => api.post('/v2/notes', { data: { ...target, content } }), [['/v2/activities'], ['/v2/notes']]);
  const addTask = useApiMutation(
    (data: { content: string; due_date?: string }) => api.post('/v2/tasks', { data: { ...target, ...data } }),
    [['/v2/tasks']],
  );

  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate(note.trim(), {
      onSuccess: () => {
        setNote('');
        notifySuccess('Note added');
        props.onNoteAdded();
      },
      onError: notifyError,
    });
  };
  const submitTask = (event: FormEvent) => {
    event.preventDefault();
    addTask.mutate(
      { content: task.trim(), ...(due ? { due_date: new Date(due).toISOString() } : {}) },
      {
        onSuccess: () => {
          setTask('');
          setDue('');
          notifySuccess('Task added');
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Tabs defaultValue="note" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="note">Add note</Tabs.Tab>
        <Tabs.Tab value="task">Add task</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="note" pt="sm">
        <form onSubmit={submitNote} aria-label="Add note">
          <Stack gap="xs">
            <Textarea label="Note" required autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={addNote.isPending} disabled={!note.trim()}>
                Save note
              </Button>
            </Group>
          </Stack>
        </form>
      </Tabs.Panel>
      <Tabs.Panel value="task" pt="sm">
        <form onSubmit={submitTask} aria-label="Add task">
          <Stack gap="xs">
            <TextInput label="Task" required value={task} onChange={(e) => setTask(e.currentTarget.value)} />
            <TextInput label="Due" type="datetime-local" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={addTask.isPending} disabled={!task.trim()}>
                Save task
              </Button>
            </Group>
          </Stack>
        </form>
      </Tabs.Panel>
    </Tabs>
  );
}
