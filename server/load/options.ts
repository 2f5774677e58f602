/**
 * Sizes for the load and chaos scripts: `--name value` arguments win over environment
 * variables, which win over the full-size defaults. CI passes tiny sizes for a smoke run.
 */
export function intOption(name: string, env: string, fallback: number): number {
  const flag = `--${name}`;
  const index = process.argv.indexOf(flag);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${flag} / ${env} must be a number: ${raw}`);
  return value;
}

export function stringOption(name: string, env: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[env];
  return raw === undefined || raw === '' ? fallback : raw;
}
