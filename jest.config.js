/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // What the CLI does at start-up for every process: reporting hooks into conversation writes.
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  testTimeout: 60000,
  // Suites each create their own databases; two workers match this 2-core machine.
  maxWorkers: 2,
};
