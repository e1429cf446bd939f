import { explainError, UsageError } from '../../../scripts/credentials/errors';

describe('what the operator reads when something fails', () => {
  it('is the message of our own errors', () => {
    // Assess
    expect(explainError(new UsageError('Name a command.'))).toBe('Name a command.');
  });

  it('says how to sign in when the SDK finds no AWS credentials', () => {
    // Prepare
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });

    // Assess
    expect(explainError(error)).toMatch(/^No AWS credentials found .*: sign in/);
  });

  it('says to set a region when the SDK has none', () => {
    // Assess
    expect(explainError(new Error('Region is missing'))).toMatch(/^No AWS region set: set AWS_REGION/);
    expect(
      explainError(new Error('Region not accepted: region="" is not a valid hostname component.')),
    ).toMatch(/^No AWS region set/);
  });

  it('copes with a thrown non-error', () => {
    // Assess
    expect(explainError('boom')).toBe('boom');
  });
});
