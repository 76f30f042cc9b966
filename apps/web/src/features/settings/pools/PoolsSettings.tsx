import { Route, Routes } from 'react-router';
import { PoolEditor } from './PoolEditor';
import { PoolList } from './PoolList';

/** Settings → Distribution pools: the list, and one pool's editor at /settings/pools/:poolId. */
export default function PoolsSettings() {
  return (
    <Routes>
      <Route index element={<PoolList />} />
      <Route path=":poolId" element={<PoolEditor />} />
    </Routes>
  );
}
