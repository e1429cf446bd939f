import { type CompanyDetails, DEFAULT_COMPANY_DETAILS } from '../../documents/company-details';
import { formatDocumentNumber } from '../../documents/document-numbers';
import { ConflictError } from '../../errors';
import type { CompanyDetailsStore } from '../../ports/company-details';
import type { DocumentNumbers } from '../../ports/document-numbers';

/** For unit tests: document numbers on Maps, as the DynamoDB adapter gives them. */
export function makeInMemoryDocumentNumbers(): DocumentNumbers & { counters: Map<string, number> } {
  const counters = new Map<string, number>();
  const given = new Map<string, string>();
  return {
    counters,
    async numberFor(orderId, kind, series, shipmentNo) {
      const key = `${orderId}#${kind}${shipmentNo && shipmentNo > 1 ? `#${shipmentNo}` : ''}`;
      const existing = given.get(key);
      if (existing) return existing;
      const sequence = (counters.get(series) ?? 0) + 1;
      counters.set(series, sequence);
      const number = formatDocumentNumber(series, sequence);
      given.set(key, number);
      return number;
    },
  };
}

/** For unit tests: the company details, versioned as the DynamoDB adapter keeps them. */
export function makeInMemoryCompanyDetails(initial?: CompanyDetails): CompanyDetailsStore {
  let stored = initial && structuredClone(initial);
  return {
    async get() {
      return structuredClone(stored ?? DEFAULT_COMPANY_DETAILS);
    },
    async put(details) {
      if (details.version !== (stored?.version ?? 0) + 1)
        throw new ConflictError(`the company details changed since version ${details.version - 1} was read`);
      stored = structuredClone(details);
    },
  };
}
