import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from './auth/session-cookie';
import { API_MODULES } from './gateway.module';

const DESCRIPTION = `Compatible with Zendesk Sell's Core API v2: the same paths, \`{"data": {...}}\` request bodies,
\`{"data", "meta"}\` and \`{"items", "meta"}\` response envelopes, paging with \`page\`/\`per_page\` (at most 100)
and Sell's error envelope (\`meta.logref\` is the request id, also sent as \`X-Request-Id\`). Unknown query
parameters are refused with 400 \`invalid_param\`. Operations marked "extension" are not in Sell's API.

Authentication: an API token (\`Authorization: Bearer <token>\`), or the web app's session cookie (\`crm_session\`,
set by signing in; changes made with it must come from this site's own pages: \`Origin\` checked). The bearer header
wins when both are sent.

Unauthenticated: \`/health\`, \`/health/ready\`, \`/health/live\`, \`/metrics\`, these docs, and the sign-in routes
(\`POST /v2/sessions\`, \`/v2/invitations/{token}\`).`;

/** Swagger UI at /docs and the document at /docs-json, describing the /v2 API only. */
export function setupOpenApi(app: INestApplication, serverUrl?: string): void {
  const builder = new DocumentBuilder()
    .setTitle('CRM API')
    .setDescription(DESCRIPTION)
    .setVersion('2')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a 64-character API token' })
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'the web app session (POST /v2/sessions)' }, 'session');
  if (serverUrl) builder.addServer(serverUrl);
  const document = SwaggerModule.createDocument(app, builder.build(), { include: API_MODULES });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
