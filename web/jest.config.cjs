// Unit tests of the web app: Angular components and pure functions in jsdom, zoneless.
module.exports = {
  displayName: 'web',
  preset: 'jest-preset-angular',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  moduleNameMapper: {
    '^@lodestar/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    '^@lodestar/cx-metrics$': '<rootDir>/../libs/cx-metrics/src/index.ts',
    '^@lodestar/incentives$': '<rootDir>/../libs/incentives/src/index.ts',
  },
  transform: {
    '^.+\\.(ts|js|mjs|html|svg)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
};
