// A project's `testTimeout` is ignored when Jest runs several projects at once, so the limit
// is set here: database tests share two cores with the browser and system tests.
jest.setTimeout(30_000);
