import type { CreateQuoteBody } from '../../contracts/quotes';
import type { Customer } from '../../domain/customer';
import type { Address } from '../../domain/order';
import { InvalidInputError } from '../../errors';
import type { InquiryRepository } from '../../ports/inquiries';

/** A new quote's body with what it must have: lines, Incoterm and where the goods go. */
export type CompleteQuoteBody = CreateQuoteBody &
  Required<Pick<CreateQuoteBody, 'lines' | 'incoterm' | 'shippingAddress'>>;

/**
 * POST /quotes may leave out its lines, Incoterm and address when it answers an inquiry (`inquiryId`):
 * the lines (sku, quantity) and the Incoterm come from the inquiry, the address from the customer's
 * shipping address (in the inquiry's destination country, when it names one), the Incoterm's place
 * from that address's city. What the body gives wins. Anything that cannot be filled is a 400 naming
 * its field, with what to give: an inquiry in free text only has no lines to take.
 */
export async function fillFromInquiry(
  inquiries: Pick<InquiryRepository, 'get'>,
  body: CreateQuoteBody,
  customer: Customer,
): Promise<CompleteQuoteBody> {
  if (body.lines && body.incoterm && body.shippingAddress) return body as CompleteQuoteBody;
  if (!body.inquiryId) {
    const missing = !body.lines ? 'lines' : !body.incoterm ? 'incoterm' : 'shippingAddress';
    throw new InvalidInputError(
      `${missing} is required (or give inquiryId to take it from the inquiry)`,
      missing,
    );
  }
  const inquiry = await inquiries.get(body.inquiryId);
  if (!inquiry) {
    throw new InvalidInputError(
      `inquiryId ${body.inquiryId} is not a known inquiry`,
      'inquiryId',
      'UNKNOWN_INQUIRY',
    );
  }
  if (inquiry.customerId !== customer.customerId) {
    throw new InvalidInputError(
      `inquiry ${inquiry.inquiryId} is customer ${inquiry.customerId}'s, not ${customer.customerId}'s`,
      'inquiryId',
    );
  }
  const lines = body.lines ?? inquiry.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }));
  if (!lines.length) {
    throw new InvalidInputError(
      `inquiry ${inquiry.inquiryId} names no products (free text only): give the quote's lines (sku, quantity)`,
      'lines',
    );
  }
  const shippingAddress = body.shippingAddress ?? shippingAddressOf(customer, inquiry.destinationCountry);
  if (!shippingAddress) {
    throw new InvalidInputError(
      `customer ${customer.customerId} has no shipping address${inquiry.destinationCountry ? ` in ${inquiry.destinationCountry}` : ''}: give shippingAddress`,
      'shippingAddress',
    );
  }
  const incoterm =
    body.incoterm ?? (inquiry.incoterm ? { code: inquiry.incoterm, place: shippingAddress.city } : undefined);
  if (!incoterm) {
    throw new InvalidInputError(`inquiry ${inquiry.inquiryId} names no Incoterm: give incoterm`, 'incoterm');
  }
  return { ...body, lines, incoterm, shippingAddress };
}

function shippingAddressOf(customer: Customer, country: string | undefined): Address | undefined {
  const found = (customer.addresses ?? []).find(
    (address) => address.kind === 'shipping' && (!country || address.country === country),
  );
  if (!found) return undefined;
  const { kind: _kind, name, ...rest } = found;
  return { name: name ?? customer.company ?? customer.name, ...rest };
}
