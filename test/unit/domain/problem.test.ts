import { assertNoProblems } from '../../../shared/domain/problem';
import { InvalidInputError } from '../../../shared/errors';

describe('problems', () => {
  it('passes when there are none and throws them all as one 400 otherwise', () => {
    // Prepare
    const problems = [
      { field: 'eta', message: 'eta is before etd' },
      { field: 'mode', message: 'FOB is for sea' },
    ];

    // Act & Assess
    expect(() => assertNoProblems([])).not.toThrow();
    expect(() => assertNoProblems(problems)).toThrow(InvalidInputError);
    expect(() => assertNoProblems(problems)).toThrow(
      expect.objectContaining({ field: 'eta', message: 'eta is before etd; FOB is for sea' }),
    );
  });
});
