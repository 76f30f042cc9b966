import { QueryStateView } from '../../components/QueryState';

/** Placeholder until this area is built. */
export function Component() {
  return <QueryStateView kind="empty" message="records/deal-routes: not built yet." />;
}
