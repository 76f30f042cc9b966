import { QueryStateView } from '../../../components/QueryState';

/** Placeholder until this screen is built. */
export default function PhoneNumbersSettings() {
  return <QueryStateView kind="empty" message="Phone numbers: not built yet." />;
}
