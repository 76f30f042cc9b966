import type { MailboxTab } from '@crm/contracts';
import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { QueryStateView } from '../../../components/QueryState';
import { EmailList } from './EmailList';
import { EmailReader } from './EmailReader';
import { MailboxTabs } from './MailboxTabs';
import { SuggestedPeople } from './SuggestedPeople';
import { isMailboxTab } from './tabs';

const BASE = '/communication-center/email';

/**
 * One tab of the mailbox, and the email opened from it (`/<tab>/<email id>`) in a drawer over the
 * list, so closing it returns to the same page and search.
 */
function MailboxScreen() {
  const { tab, emailId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useMediaQuery('(max-width: 48em)');
  if (!isMailboxTab(tab)) return <QueryStateView kind="empty" message="There is no such email tab." />;
  const openId = emailId && /^\d+$/.test(emailId) ? Number(emailId) : null;
  const backToList = () => navigate(`${BASE}/${tab}${location.search}`);

  return (
    <>
      <MailboxTabs tab={tab} onChange={(next: MailboxTab) => navigate(`${BASE}/${next}`)} />
      {tab === 'suggested' ? <SuggestedPeople /> : <EmailList tab={tab} />}
      <Drawer opened={openId !== null} onClose={backToList} position="right" size={phone ? '100%' : 'xl'} title="Email" padding="md">
        {openId !== null && <EmailReader emailId={openId} tab={tab} onDone={backToList} />}
      </Drawer>
    </>
  );
}

/** The Communication Center's email: Inbox, Suggested people, Sent, Archived. */
export default function EmailCenter() {
  return (
    <Routes>
      <Route index element={<Navigate to="inbox" replace />} />
      <Route path=":tab/:emailId?" element={<MailboxScreen />} />
    </Routes>
  );
}
