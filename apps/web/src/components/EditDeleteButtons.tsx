import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';

/**
 * A list row's Edit (a link to its editor) and Delete (the caller asks first) buttons, named
 * after the row for screen readers: `name` "pool West" gives "Edit pool West", "Delete pool West".
 */
export function EditDeleteButtons(props: { name: string; editTo: string; onDelete: () => void }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component={Link} to={props.editTo} size="xs" variant="light" aria-label={`Edit ${props.name}`}>
        Edit
      </Button>
      <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${props.name}`} onClick={props.onDelete}>
        Delete
      </Button>
    </Group>
  );
}
