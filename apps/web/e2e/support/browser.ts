import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmbeddedSystem } from './embedded-system';

export { launchChromium } from '@crm/testing';

/** Screenshots of the main screens, for a reviewer to look at (not committed). */
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export const ADMIN_PASSWORD = 'correct horse battery';

/**
 * Gives the admin a password the way a person gets one (an invitation link, accepted), once per
 * system; the browser then signs in through the sign-in screen.
 */
const passwordSet = new WeakSet<EmbeddedSystem>();
export async function ensureAdminPassword(system: EmbeddedSystem): Promise<string> {
  const self = await system.api<{ data: { id: number; email: string } }>('GET', '/v2/users/self');
  if (passwordSet.has(system)) return self.body.data.email;
  const invitation = await system.api<{ data: { invitation_url: string } }>('POST', `/v2/users/${self.body.data.id}/invitation`);
  if (invitation.status !== 201) throw new Error(`invitation: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const token = new URL(invitation.body.data.invitation_url).searchParams.get('token')!;
  const accepted = await fetch(`${system.baseUrl}/v2/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { password: ADMIN_PASSWORD } }),
  });
  if (accepted.status !== 201) throw new Error(`accept invitation: ${accepted.status} ${await accepted.text()}`);
  passwordSet.add(system);
  return self.body.data.email;
}

/** Signs in through the sign-in screen and waits for the app's frame. */
export async function signIn(page: Page, system: EmbeddedSystem, email: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${system.baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  // Not `exact`: Mantine puts the required " *" inside the label, so the label text is "Password *".
  await page.getByLabel(/^Password\b/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/** A browser context signed in as the admin, at desktop size unless told otherwise. */
export async function signedInPage(browser: Browser, system: EmbeddedSystem, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const email = await ensureAdminPassword(system);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, system, email);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
