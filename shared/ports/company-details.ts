import type { CompanyDetails } from '../documents/company-details';

/** The exporter's details on the documents: one item, each change a new version. */
export interface CompanyDetailsStore {
  /** What is stored, or the defaults (version 0). */
  get(): Promise<CompanyDetails>;
  /** Stores `details` as the version after the one read; throws ConflictError if another came first. */
  put(details: CompanyDetails): Promise<void>;
}
