import type { PutCompanySettingsBody } from '../../contracts/documents';
import type { CompanyDetails } from '../../documents/company-details';
import { InvalidInputError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { CompanyDetailsStore } from '../../ports/company-details';

/** The company details as the API shows them: the logo's size, not its bytes. */
export function companySettingsView(details: CompanyDetails) {
  const { logo, updatedBy: _by, ...rest } = details;
  return {
    ...rest,
    ...(logo
      ? { logo: { contentType: logo.contentType, bytes: Buffer.from(logo.base64, 'base64').length } }
      : {}),
  };
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** PUT /settings/company (admin): the whole details as the next version of the one read (409 if stale). */
export function makePutCompanySettings({ company, clock }: { company: CompanyDetailsStore; clock: Clock }) {
  return async (body: PutCompanySettingsBody, by: string): Promise<CompanyDetails> => {
    if (body.logo) {
      const head = [...Buffer.from(body.logo.base64.slice(0, 8), 'base64')];
      const magic = body.logo.contentType === 'image/png' ? PNG : JPEG;
      if (!magic.every((byte, i) => head[i] === byte))
        throw new InvalidInputError(`logo.base64 is not a ${body.logo.contentType} image`, 'logo.base64');
    }
    const { version, ...details } = body;
    const next: CompanyDetails = {
      ...details,
      version: version + 1,
      updatedAt: clock.now().toISOString(),
      updatedBy: by,
    };
    await company.put(next);
    return next;
  };
}
