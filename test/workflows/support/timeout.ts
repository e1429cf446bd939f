// Workflow tests run the real ASL on the local Step Functions server; a busy 2-core machine is slow.
jest.setTimeout(60_000);
