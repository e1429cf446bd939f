// Reliability scenarios drive the whole local system through many orders; the full sizes take minutes.
jest.setTimeout(process.env.RELIABILITY_SIZE === 'full' ? 1_800_000 : 240_000);
