import { QueryStateView } from '../../components/QueryState';

/** Placeholder until this area is built. */
export function Component() {
  return <QueryStateView kind="empty" message="pipeline/routes: not built yet." />;
}
