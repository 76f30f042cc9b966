import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function TextMessagesCenter() {
  return <QueryStateView kind="empty" message="Text messages: not built yet." />;
}
