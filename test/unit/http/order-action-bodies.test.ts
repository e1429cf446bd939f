import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { $ZodType } from 'zod/v4/core';
import {
  cancelOrderBody,
  creditDecisionBody,
  recordDeliveryBody,
  recordPackingBody,
  recordPaymentBody,
  recordShipmentBody,
  trackingEventBody,
} from '../../../shared/contracts/order-actions';
import { toHttpError } from '../../../shared/http/error-mapping';
import { parseBody } from '../../../shared/http/request';

const eventWith = (body: unknown) =>
  ({ body: JSON.stringify(body), isBase64Encoded: false }) as unknown as APIGatewayProxyEvent;

function problemOf(schema: $ZodType, body: unknown) {
  try {
    parseBody(eventWith(body), schema);
  } catch (error) {
    const response = toHttpError(error);
    return { status: response.statusCode, ...JSON.parse(response.body).error };
  }
  throw new Error('expected the body to be refused');
}

const shipment = {
  carrier: 'Maersk',
  mode: 'SEA',
  transportDocumentNo: 'MAEU1',
  trackingNumber: 'MSKU1',
  etd: '2026-12-01',
  eta: '2027-01-05T12:00:00+01:00',
};

describe('the staff actions’ bodies', () => {
  it('accepts the contract examples', () => {
    expect(parseBody(eventWith({ decision: 'approve', note: 'ok' }), creditDecisionBody).decision).toBe(
      'approve',
    );
    expect(
      parseBody(eventWith({ amount: 1829.88, currency: 'EUR', reference: 'TT-1' }), recordPaymentBody).amount,
    ).toBe(1829.88);
    expect(
      parseBody(
        eventWith({
          packages: [
            { weightKg: 1, lengthCm: 1, widthCm: 1, heightCm: 1, lines: [{ sku: 'A', quantity: 1 }] },
          ],
        }),
        recordPackingBody,
      ).packages,
    ).toHaveLength(1);
    expect(parseBody(eventWith(shipment), recordShipmentBody).mode).toBe('SEA');
    expect(
      parseBody(
        eventWith({ status: 'DELAYED', at: '2026-12-20T08:00:00Z', newEta: '2027-01-12' }),
        trackingEventBody,
      ).status,
    ).toBe('DELAYED');
    expect(
      parseBody(eventWith({ deliveredAt: '2027-01-11T14:30:00.000Z' }), recordDeliveryBody).deliveredAt,
    ).toBeDefined();
    expect(parseBody(eventWith({ reason: 'buyer withdrew' }), cancelOrderBody).reason).toBe('buyer withdrew');
  });

  it.each([
    [
      'a decision that is neither',
      creditDecisionBody,
      { decision: 'maybe' },
      'decision',
      /approve or reject/,
    ],
    [
      'a payment without a reference',
      recordPaymentBody,
      { amount: '1', currency: 'EUR' },
      'reference',
      /required/,
    ],
    [
      'a payment in no currency',
      recordPaymentBody,
      { amount: '1', currency: 'EURO', reference: 'x' },
      'currency',
      /ISO 4217/,
    ],
    [
      'a fraction of a unit packed',
      recordPackingBody,
      {
        packages: [
          { weightKg: 1, lengthCm: 1, widthCm: 1, heightCm: 1, lines: [{ sku: 'A', quantity: 1.5 }] },
        ],
      },
      'packages.0.lines.0.quantity',
      /must be an int/,
    ],
    [
      'a package weight no package has (summed, it would overflow)',
      recordPackingBody,
      {
        packages: [
          { weightKg: 1e308, lengthCm: 1, widthCm: 1, heightCm: 1, lines: [{ sku: 'A', quantity: 1 }] },
        ],
      },
      'packages.0.weightKg',
      /at most 1,000,000/,
    ],
    ['an unknown mode', recordShipmentBody, { ...shipment, mode: 'SHIP' }, 'mode', /SEA, AIR, ROAD, RAIL/],
    ['an ETA that is no date', recordShipmentBody, { ...shipment, eta: 'next week' }, 'eta', /ISO 8601/],
    [
      'a vessel or flight longer than any booking names',
      recordShipmentBody,
      { ...shipment, vesselOrFlight: 'V'.repeat(101) },
      'vesselOrFlight',
      /100/,
    ],
    [
      'a tracking link that is no web address',
      recordShipmentBody,
      { ...shipment, trackingUrl: 'ftp://x' },
      'trackingUrl',
      /http/,
    ],
    [
      'an unknown carrier status',
      trackingEventBody,
      { status: 'SUNK', at: '2026-12-20T08:00:00Z' },
      'status',
      /DELAYED/,
    ],
    [
      'a carrier time without offset',
      trackingEventBody,
      { status: 'ARRIVED', at: '2026-12-20T08:00:00' },
      'at',
      /offset/,
    ],
    ['a delivery date alone', recordDeliveryBody, { deliveredAt: '2027-01-11' }, 'deliveredAt', /date-time/],
    ['a cancel without a reason', cancelOrderBody, { reason: ' ' }, 'reason', /must not be empty/],
  ])('refuses %s with a 400 naming the field', (_case, schema, body, field, message) => {
    // Act
    const problem = problemOf(schema as $ZodType, body);

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });
});
