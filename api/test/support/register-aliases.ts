// Jest's globalSetup runs outside the module mapper, so map the workspace libraries here.
import Module = require('node:module');
import * as path from 'node:path';

const aliases: Record<string, string> = {
  '@lodestar/contracts': path.resolve(__dirname, '../../../libs/contracts/src/index.ts'),
  '@lodestar/cx-metrics': path.resolve(__dirname, '../../../libs/cx-metrics/src/index.ts'),
  '@lodestar/incentives': path.resolve(__dirname, '../../../libs/incentives/src/index.ts'),
};
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function resolve(request: string, ...rest: unknown[]): string {
  return original.call(this, aliases[request] ?? request, ...rest);
};
