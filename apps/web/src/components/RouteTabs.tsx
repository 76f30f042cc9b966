import { Tabs, type TabsProps } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/**
 * Tabs that are routes under `base` (`/settings/users`, `/communication-center/calls`): the
 * current one follows the address, choosing one navigates. With no match, the first is current.
 */
export function RouteTabs(props: { base: string; tabs: { path: string; label: string }[]; wrap?: boolean; mb?: TabsProps['mb'] }) {
  const location = useLocation();
  const navigate = useNavigate();
  const current = props.tabs.find((t) => location.pathname.startsWith(`${props.base}/${t.path}`))?.path ?? props.tabs[0].path;
  return (
    <Tabs value={current} onChange={(value) => value && navigate(`${props.base}/${value}`)} mb={props.mb}>
      <Tabs.List style={props.wrap ? { flexWrap: 'wrap' } : undefined}>
        {props.tabs.map((t) => (
          <Tabs.Tab key={t.path} value={t.path}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
