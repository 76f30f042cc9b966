import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, DESKTOP, ensureAdminPassword, launchChromium, PHONE, screenshot, signIn } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem } from './support/embedded-system';

describe('web app: signing in', () => {
  let system: EmbeddedSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startEmbeddedSystem();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('sends a visitor to the sign-in screen, refuses a wrong password, and signs in', async () => {
    const email = await ensureAdminPassword(system);
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/leads`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password\b/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();

    await page.getByLabel(/^Password\b/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/leads');

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'crm_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('lets an invited user choose a password from the link and lands in the app, on a phone too', async () => {
    const created = await system.api<{ data: { id: number } }>('POST', '/v2/users', { data: { name: 'Rita Rep', email: 'rita@example.com', role: 'user' } });
    expect(created.status).toBe(200);
    const invitation = await system.api<{ data: { invitation_url: string } }>('POST', `/v2/users/${created.body.data.id}/invitation`);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(invitation.body.data.invitation_url);
    await page.getByRole('heading', { name: 'Welcome, Rita Rep' }).waitFor();
    await page.getByLabel('New password').fill('rita-password-1');
    await page.getByLabel('Repeat password').fill('rita-password-1');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('button', { name: 'Toggle navigation' }).waitFor();
    await screenshot(page, 'phone-home');

    await context.clearCookies();
    await signIn(page, system, 'rita@example.com', 'rita-password-1');
    await context.close();
  });
});
