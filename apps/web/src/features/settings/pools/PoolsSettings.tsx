import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function PoolsSettings() {
  return <QueryStateView kind="empty" message="Distribution pools: not built yet." />;
}
