import { Route, Routes } from 'react-router';
import { LeadFormEditor } from './LeadFormEditor';
import { LeadFormList } from './LeadFormList';

/** Settings → Lead-capture forms: the list, a new form, and one form with its embed snippet. */
export default function LeadFormsSettings() {
  return (
    <Routes>
      <Route index element={<LeadFormList />} />
      <Route path="new" element={<LeadFormEditor />} />
      <Route path=":formId" element={<LeadFormEditor />} />
    </Routes>
  );
}
