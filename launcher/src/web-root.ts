import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where the gateway finds the built web app: WEB_ROOT when set, else `apps/web/dist` of this
 * checkout (from `launcher/dist/*.js`), if it has been built. Undefined: the API only.
 */
export function webRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.WEB_ROOT) return path.resolve(env.WEB_ROOT);
  const built = path.resolve(__dirname, '../../apps/web/dist');
  return existsSync(built) && statSync(built).isDirectory() ? built : undefined;
}

/**
 * The address people reach the CRM at. PUBLIC_URL when set; otherwise localhost on the port the
 * gateway listens on (the settings' default names port 3000, wrong whenever PORT is another).
 */
export function publicUrlOf(env: { PUBLIC_URL: string; PORT: number }, processEnv: NodeJS.ProcessEnv = process.env): string {
  return (processEnv.PUBLIC_URL ? env.PUBLIC_URL : `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
