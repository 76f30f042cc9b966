import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function EmailCenter() {
  return <QueryStateView kind="empty" message="Email: not built yet." />;
}
