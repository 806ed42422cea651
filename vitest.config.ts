import { defineConfig } from 'vitest/config';

// `unit`: pure logic and the embedded profile, no servers. `integration`: needs the real servers
// that infra/local/with-servers.sh starts and describes in CUSTODIAN_TEST_* variables.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'schemas/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'connectors/*/test/**/*.test.ts',
            'test/embedded/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.ts',
            'services/*/test-int/**/*.test.ts',
            'connectors/*/test-int/**/*.test.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
