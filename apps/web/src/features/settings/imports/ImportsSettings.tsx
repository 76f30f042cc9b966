import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function ImportsSettings() {
  return <QueryStateView kind="empty" message="Imports: not built yet." />;
}
