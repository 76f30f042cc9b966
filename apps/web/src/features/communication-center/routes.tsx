import { Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { QueryStateView } from '../../components/QueryState';

const EmailCenter = lazy(() => import('./email/EmailCenter'));
const CallsCenter = lazy(() => import('./calls/CallsCenter'));
const TextMessagesCenter = lazy(() => import('./texts/TextMessagesCenter'));

const AREAS = [
  { path: 'email', label: 'Email' },
  { path: 'calls', label: 'Calls' },
  { path: 'texts', label: 'Text messages' },
];

/** The Communication Center: email, calls and text messages, each its own chunk. */
export function Component() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = AREAS.find((a) => location.pathname.startsWith(`/communication-center/${a.path}`))?.path ?? 'email';
  return (
    <>
      <Tabs value={current} onChange={(value) => value && navigate(`/communication-center/${value}`)} mb="md">
        <Tabs.List>
          {AREAS.map((a) => (
            <Tabs.Tab key={a.path} value={a.path}>
              {a.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<QueryStateView kind="loading" />}>
        <Routes>
          <Route index element={<Navigate to="email" replace />} />
          <Route path="email/*" element={<EmailCenter />} />
          <Route path="calls/*" element={<CallsCenter />} />
          <Route path="texts/*" element={<TextMessagesCenter />} />
        </Routes>
      </Suspense>
    </>
  );
}
