/**
 * A numeric scenario option: `--name=value` on the command line (`npm run bench -- ingest
 * --connections=8`), else the environment variable, else the default.
 */
export function numberOption(name: string, envName: string, fallback: number): number {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const text = flag ? flag.slice(name.length + 3) : process.env[envName];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} / ${envName} must be a positive number, not "${text}"`);
  return value;
}
