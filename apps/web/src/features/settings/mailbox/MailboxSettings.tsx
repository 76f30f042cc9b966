import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function MailboxSettings() {
  return <QueryStateView kind="empty" message="Mailbox connection: not built yet." />;
}
