import { Button, Code, CopyButton, Group, Tooltip } from '@mantine/core';

/** An email address with a Copy to clipboard button (Mantine CopyButton). */
export function CopyableAddress(props: { address: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code aria-label={props.label} style={{ wordBreak: 'break-all', flex: 1 }}>
        {props.address}
      </Code>
      <CopyButton value={props.address} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy to clipboard'} withArrow>
            <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={`Copy ${props.label.replace(/^Current /, '')}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
