// Settings every Node-side Jest project shares: TypeScript through ts-jest without type-checking
// (the build and lint type-check), and the workspace path aliases.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: path.join(root, 'tests/tsconfig.jest.json'), diagnostics: false },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lodestar/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
  },
};
