/** Reads the variables infra/local/with-servers.sh exports; a missing one fails the test with the fix. */
export function requireEnv<K extends string>(...names: K[]): { [P in K]: string } {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(', ')}: integration tests need the real servers. Run \`npm run test:all\`, or ` +
        '`bash infra/local/servers.sh start && set -a && . .infra/env && set +a` first.',
    );
  }
  return Object.fromEntries(names.map((n) => [n, process.env[n] as string])) as { [P in K]: string };
}
