/**
 * The exporter on every trade document: the company's name, address, registration and tax ids, and
 * the bank account buyers pay into. Kept in the settings table (GET/PUT /settings/company, admin);
 * until an admin sets them, the local defaults below are used and documents say so in their footer.
 */
export interface CompanyDetails {
  /** 1 = the defaults (never stored); each PUT stores the next version. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  name: string;
  addressLines: string[];
  country: string;
  /** e.g. `{ label: 'VAT', value: 'DE123456789' }`, `{ label: 'EORI', value: 'DE1234567890123' }`. */
  registrations: { label: string; value: string }[];
  email?: string;
  phone?: string;
  bank?: {
    bankName: string;
    accountName: string;
    iban?: string;
    accountNumber?: string;
    swift?: string;
    address?: string;
  };
  /** A PNG or JPEG, as base64 (at most ~200 kB); drawn at the top left of every document. */
  logo?: { contentType: 'image/png' | 'image/jpeg'; base64: string };
}

export const DEFAULT_COMPANY_DETAILS: CompanyDetails = {
  version: 0,
  name: 'Tradeflow Export Co., Ltd.',
  addressLines: ['1 Harbour Road', '200000 Shanghai'],
  country: 'CN',
  registrations: [{ label: 'Registration', value: 'not set: PUT /settings/company' }],
  bank: {
    bankName: 'Example Bank',
    accountName: 'Tradeflow Export Co., Ltd.',
    accountNumber: 'not set: PUT /settings/company',
  },
};

/** Whether the details are the built-in defaults (documents then carry a warning line). */
export function isDefaultCompany(details: CompanyDetails): boolean {
  return details.version === 0;
}
