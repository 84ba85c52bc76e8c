import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/main/**/*.test.ts', 'tests/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Vault tests run real scrypt and real SQLCipher: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's own default is one fewer worker than cores: a single worker on the 2-core machines
    // CI and the trust laptops run on, so the files ran one after another. Each file runs in its
    // own process with its own temporary folders (mkdtemp), so two at once share nothing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
