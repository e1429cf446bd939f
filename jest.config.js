/** Jest in CJS mode: ts-jest transpiles TypeScript (type checking is `npm run typecheck`), and the
 * ESM-only packages (@middy/*) are transformed too, as DESIGN.md records. */
const transform = {
  '^.+\\.[tj]sx?$': [
    'ts-jest',
    {
      tsconfig: {
        module: 'commonjs',
        moduleResolution: 'node10',
        allowJs: true,
        esModuleInterop: true,
        isolatedModules: true,
      },
    },
  ],
};
const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(@middy)/)'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'workflows',
      setupFilesAfterEnv: ['<rootDir>/test/workflows/support/timeout.ts'],
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
    },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/integration/support/timeout.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'reliability',
      setupFilesAfterEnv: ['<rootDir>/test/reliability/support/timeout.ts'],
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
    },
  ],
};
