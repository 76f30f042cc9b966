import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { type LeadForm, submissionUrlOf } from './lead-form-types';

/**
 * The snippet to paste into a website, with Copy buttons, and a preview of how it renders (in a
 * sandboxed frame with no scripts and no form submission, so the preview cannot post a lead).
 */
export function EmbedSnippet({ form }: { form: LeadForm }) {
  const url = submissionUrlOf(form);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4}>Embed on your website</Title>
          <CopyButton value={form.embed_html} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy snippet'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          Paste this HTML where the form should appear. It needs no script; each submission creates a lead
          {form.active ? '.' : ' once the form is switched on.'}
        </Text>
        <Code block aria-label="Embed snippet" style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre' }}>
          {form.embed_html}
        </Code>
        {url && (
          <Group gap="xs" wrap="nowrap" align="center">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Submissions go to <Code>{url}</Code>
            </Text>
            <CopyButton value={url} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy URL'} withArrow>
                  <Button size="compact-xs" variant="default" onClick={copy} aria-label="Copy submission URL">
                    {copied ? 'Copied' : 'Copy URL'}
                  </Button>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}
        <Text size="sm" fw={500}>Preview</Text>
        <iframe title="Form preview" sandbox="" srcDoc={form.embed_html} style={{ width: '100%', minHeight: 260, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} />
      </Stack>
    </Paper>
  );
}
