import { QueryStateView } from '../../components/QueryState';

/** Placeholder until this area is built. */
export function Component() {
  return <QueryStateView kind="empty" message="records/contact-routes: not built yet." />;
}
