// Integration tests run the whole local system; a cold start on a busy 2-core machine takes seconds.
jest.setTimeout(60_000);
