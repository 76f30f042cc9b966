import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { AddToExistingModal } from './AddToExistingModal';
import { AddToSellModal } from './AddToSellModal';
import { useRefreshPhoneCenter } from './phone-center-api';

/**
 * What can be done with a number that belongs to no lead or contact: Add to Sell, Add to existing,
 * Ignore (hides the user's unmatched calls and texts from it; later ones still show). Shared by
 * the Calls and Text messages screens.
 */
export function UnmatchedNumberActions(props: { phoneNumber: string }) {
  const refresh = useRefreshPhoneCenter();
  const [open, setOpen] = useState<'sell' | 'existing' | null>(null);
  const [ignoring, setIgnoring] = useState(false);

  const ignore = async () => {
    setIgnoring(true);
    try {
      await api.post('/v2/communications/unmatched/ignore', { data: { phone_number: props.phoneNumber } });
      notifySuccess(`${props.phoneNumber} ignored`);
      refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setIgnoring(false);
    }
  };

  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button size="xs" onClick={() => setOpen('sell')}>
          Add to Sell
        </Button>
        <Button size="xs" variant="light" onClick={() => setOpen('existing')}>
          Add to existing
        </Button>
        <Button size="xs" variant="subtle" color="gray" loading={ignoring} onClick={() => void ignore()}>
          Ignore
        </Button>
      </Group>
      {open === 'sell' && <AddToSellModal phoneNumber={props.phoneNumber} opened onClose={() => setOpen(null)} />}
      {open === 'existing' && <AddToExistingModal phoneNumber={props.phoneNumber} opened onClose={() => setOpen(null)} />}
    </>
  );
}
