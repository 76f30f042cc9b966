import type { QueryClient } from '@tanstack/react-query';
import { invalidateByPrefix } from '../../api/queries';
import type { RecordKind } from './record-kinds';

/** After records of a kind change: that kind's lists and pages, and every smart list's pages (a record may enter or leave one). */
export function refreshRecordLists(client: QueryClient, kind: RecordKind): Promise<void> {
  return invalidateByPrefix(client, [kind.apiPath, '/v2/smart_lists']);
}
