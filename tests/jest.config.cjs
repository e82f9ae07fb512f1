module.exports = {
  displayName: 'system',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/system/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/timeout.ts'],
};
