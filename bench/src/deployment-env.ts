import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ServiceName } from '@crm/contracts';
import { ProcessStack, startProcessStack } from '@crm/testing';
import { parseAllDocuments } from 'yaml';

interface Deployment {
  kind?: string;
  spec?: { template?: { spec?: { containers?: { env?: { name: string; value?: string }[] }[] } } };
}

/**
 * The literal variables deploy/k8s/<service>.yaml sets on the service's container (NODE_OPTIONS:
 * its heap settings), so that a benchmark runs each process as it is deployed.
 */
function deploymentEnv(repoRoot: string, service: ServiceName): NodeJS.ProcessEnv {
  const file = readFileSync(path.join(repoRoot, 'deploy/k8s', `${service}.yaml`), 'utf8');
  const deployment = parseAllDocuments(file)
    .map((document) => document.toJS() as Deployment)
    .find((document) => document?.kind === 'Deployment');
  const env = deployment?.spec?.template?.spec?.containers?.[0]?.env ?? [];
  return Object.fromEntries(env.filter((variable) => variable.value !== undefined).map((variable) => [variable.name, variable.value]));
}

/** The repository's root, from bench/dist or bench/src. */
const REPO_ROOT = path.resolve(__dirname, '../..');

/** A process stack whose services each run with their deployment's variables (heap settings) on top of `env`. */
export function startDeployedStack(services: ServiceName[], env: NodeJS.ProcessEnv): Promise<ProcessStack> {
  return startProcessStack(REPO_ROOT, services, env, Object.fromEntries(services.map((service) => [service, deploymentEnv(REPO_ROOT, service)])));
}
