const path = require('node:path');
module.exports = {
  displayName: 'api',
  ...require('../tests/jest.shared.cjs'),
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: path.join(__dirname, 'test/support/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'test/support/global-teardown.ts'),
  testTimeout: 30000,
};
