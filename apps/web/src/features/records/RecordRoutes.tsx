import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RecordListPage } from './list/RecordListPage';
import type { RecordKind } from './record-kinds';

/** A record kind's screens: its list at the index, one record's page at `:id`. */
export function RecordRoutes(props: { kind: RecordKind; page: ReactNode }) {
  return (
    <Routes>
      <Route index element={<RecordListPage kind={props.kind} />} />
      <Route path=":id" element={props.page} />
    </Routes>
  );
}
