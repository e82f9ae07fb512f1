/**
 * The compiled API imports the shared libraries by their workspace names (`@lodestar/contracts`).
 * TypeScript does not rewrite those paths, so the built server maps them to the compiled files
 * beside it. Must be the first import of `main.ts`.
 */
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';

const distRoot = path.resolve(__dirname, '..', '..');
const aliases: Record<string, string> = {
  '@lodestar/contracts': path.join(distRoot, 'libs', 'contracts', 'src', 'index.js'),
  '@lodestar/cx-metrics': path.join(distRoot, 'libs', 'cx-metrics', 'src', 'index.js'),
  '@lodestar/incentives': path.join(distRoot, 'libs', 'incentives', 'src', 'index.js'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;
if (Object.values(aliases).every((file) => fs.existsSync(file))) {
  moduleWithResolver._resolveFilename = function resolve(request: string, ...rest: unknown[]): string {
    return original.call(this, aliases[request] ?? request, ...rest);
  };
}
