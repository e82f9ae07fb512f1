// Settings every Node-side Jest project shares: TypeScript through ts-jest without type-checking
// (the build and lint type-check), and the workspace path aliases.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'es2022',
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          isolatedModules: true,
          strict: true,
        },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lodestar/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@lodestar/cx-metrics$': path.join(__dirname, 'libs/cx-metrics/src/index.ts'),
    '^@lodestar/incentives$': path.join(__dirname, 'libs/incentives/src/index.ts'),
  },
};
