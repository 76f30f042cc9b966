import type { EmailDto } from '@crm/contracts';
import { Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { emailDocument } from './email-document';

/**
 * The message itself: its sanitised HTML in a sandboxed frame (see email-document.ts), else its
 * text as text (React escapes it). The frame is `allow-same-origin` without `allow-scripts`, so
 * nothing in it runs, while this page can still measure it and show it at its full height.
 */
export function EmailBody({ email }: { email: EmailDto }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const framePage = useMemo(() => (email.html ? emailDocument(email.html, email.id, email.attachments) : null), [email]);

  useEffect(() => {
    const iframe = frame.current;
    if (!iframe || !framePage) return;
    let observer: ResizeObserver | undefined;
    const measure = () => setHeight(Math.max(60, iframe.contentDocument?.documentElement.scrollHeight ?? 60));
    // Each load is a new document: watch its body, since images arriving later change the height.
    const onLoad = () => {
      observer?.disconnect();
      const body = iframe.contentDocument?.body;
      if (!body) return;
      measure();
      observer = new ResizeObserver(measure);
      observer.observe(body);
    };
    iframe.addEventListener('load', onLoad);
    if (iframe.contentDocument?.URL === 'about:srcdoc' && iframe.contentDocument.readyState === 'complete') onLoad();
    return () => {
      iframe.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
  }, [framePage]);

  if (framePage) {
    return (
      <iframe
        ref={frame}
        title="Email message"
        srcDoc={framePage}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        style={{ width: '100%', height, border: 0, display: 'block' }}
      />
    );
  }
  if (email.text) {
    return (
      <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="email-text">
        {email.text}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      This email has no text.
    </Text>
  );
}
