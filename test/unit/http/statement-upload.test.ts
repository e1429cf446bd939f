import type { APIGatewayProxyEvent } from 'aws-lambda';
import { InvalidInputError } from '../../../shared/errors';
import { MAX_STATEMENT_BYTES, statementOf } from '../../../shared/http/statement-upload';

const event = (body: string | null, contentType?: string, isBase64Encoded = false) =>
  ({
    body,
    isBase64Encoded,
    headers: contentType ? { 'Content-Type': contentType } : {},
  }) as unknown as APIGatewayProxyEvent;

describe('the statement a POST /bank-transactions carries', () => {
  it('is read by its Content-Type: CSV, camt.053 XML, or the JSON envelope', () => {
    // Act
    const csv = statementOf(event('\ufeffdate,amount,currency\n', 'text/csv; charset=utf-8'));
    const xml = statementOf(event('<Document/>', 'application/xml'));
    const textXml = statementOf(event('<Document/>', 'text/xml'));
    const envelope = statementOf(
      event(JSON.stringify({ format: 'csv', content: 'a,b' }), 'application/json'),
    );
    const base64 = statementOf(
      event(
        JSON.stringify({
          format: 'camt053',
          content: Buffer.from('<Document/>').toString('base64'),
          encoding: 'base64',
        }),
        'application/json',
      ),
    );

    // Assess
    expect(csv).toEqual({ format: 'csv', text: 'date,amount,currency\n' });
    expect(xml).toEqual({ format: 'camt053', text: '<Document/>' });
    expect(textXml.format).toBe('camt053');
    expect(envelope).toEqual({ format: 'csv', text: 'a,b' });
    expect(base64).toEqual({ format: 'camt053', text: '<Document/>' });
  });

  it('reads a body API Gateway base64-encoded', () => {
    // Act
    const read = statementOf(event(Buffer.from('date,amount\n').toString('base64'), 'text/csv', true));

    // Assess
    expect(read).toEqual({ format: 'csv', text: 'date,amount\n' });
  });

  it('refuses no body, another media type, a bad envelope and a file over the bound, naming what to do', () => {
    // Assess
    expect(() => statementOf(event(null, 'text/csv'))).toThrow(InvalidInputError);
    expect(() => statementOf(event('%PDF', 'application/pdf'))).toThrow(/send text\/csv, application\/xml/);
    expect(() =>
      statementOf(event(JSON.stringify({ format: 'mt940', content: 'x' }), 'application/json')),
    ).toThrow(/format must be camt053 or csv/);
    expect(() => statementOf(event('x'.repeat(MAX_STATEMENT_BYTES + 1), 'text/csv'))).toThrow(/send at most/);
  });
});
