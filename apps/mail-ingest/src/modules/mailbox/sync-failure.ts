import type { ImapFlowError } from 'imapflow';
import { FolderMissing } from './imap-session';
import { CipherNotConfigured, UnreadableCiphertext } from './credential-cipher';

/**
 * What the user reads in `last_error` when a sync attempt fails: what went wrong in words they
 * can act on (wrong password, server unreachable), not a stack trace. The server's own text is
 * quoted only for IMAP answers, which are meant for people.
 */
export function describeSyncFailure(error: unknown, server: { host: string; port: number }): string {
  const where = `${server.host}:${server.port}`;
  if (error instanceof FolderMissing || error instanceof UnreadableCiphertext) return error.message;
  if (error instanceof CipherNotConfigured) return 'the stored password cannot be read: mailbox_encryption_key not configured';
  const failure = (error ?? {}) as ImapFlowError;
  const said = failure.responseText ? ` (server said: ${clip(failure.responseText)})` : '';
  if (failure.authenticationFailed) return `authentication failed: check the username and password${said}`;
  if (failure.tlsFailed || /^(ERR_TLS|ERR_SSL|EPROTO|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(failure.code ?? '')) {
    return `TLS failed with ${where}: ${clip(failure.message)}`;
  }
  switch (failure.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where} (is the IMAP server running, and is the port right?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${server.host} not found`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached`;
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
    case 'UPGRADE_TIMEOUT':
      return `timed out talking to ${where}`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'EConnectionClosed':
    case 'NoConnection':
    case 'ClosedAfterConnectText':
    case 'ClosedAfterConnectTLS':
      return `the connection to ${where} was closed${failure.reason ? ` (server said: ${clip(failure.reason)})` : ''}`;
  }
  if (failure.responseStatus) return `the server refused ${failure.command ?? 'a command'}${said}`;
  return `sync failed: ${clip(failure.message ?? String(error))}`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
