import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function LeadFormsSettings() {
  return <QueryStateView kind="empty" message="Lead-capture forms: not built yet." />;
}
