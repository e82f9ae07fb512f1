module.exports = {
  displayName: 'contracts',
  ...require('../../tests/jest.shared.cjs'),
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
