import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function CallsCenter() {
  return <QueryStateView kind="empty" message="Calls: not built yet." />;
}
