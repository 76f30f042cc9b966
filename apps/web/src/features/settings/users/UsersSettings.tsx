import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function UsersSettings() {
  return <QueryStateView kind="empty" message="Users and roles: not built yet." />;
}
