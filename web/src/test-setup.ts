import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

// A project's `testTimeout` is ignored when Jest runs several projects at once.
jest.setTimeout(20_000);
