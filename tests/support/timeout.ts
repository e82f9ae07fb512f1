// A project's `testTimeout` is ignored when Jest runs several projects at once, so the limit
// is set here: these tests start servers and drive a browser on a busy machine.
jest.setTimeout(120_000);
