import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/main/**/*.test.ts', 'tests/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Vault tests run real scrypt and real SQLCipher: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
