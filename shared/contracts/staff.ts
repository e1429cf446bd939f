import { isReservedStaffId, STAFF_ID_PATTERN, STAFF_LANGUAGES } from '../domain/staff-member';
import { STAFF_ROLES } from '../domain/staff-roles';
import * as z from '../zod-mini';
import { email, nonEmpty, pageLimit, pageToken } from './common';

/** The staff directory's API (PUT/GET /staff/{staffId}, GET /staff): admin writes; sales reads. */

export const staffIdParam = z.string().check(
  z.regex(
    STAFF_ID_PATTERN,
    'must be 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit',
  ),
  z.refine((id) => !isReservedStaffId(id), {
    message: "is a role's name: staff ids name a person (e.g. their sign-in subject, or rep_anna)",
  }),
);

export const staffRole = z.enum(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` });
export const staffLanguage = z.enum(STAFF_LANGUAGES, {
  message: `must be one of ${STAFF_LANGUAGES.join(', ')}`,
});

/**
 * `PUT /staff/{staffId}`: the whole entry. Without `version`, it adds the staff member (sending the
 * same entry again answers it unchanged; another entry under a taken id is a 409); with the
 * `version` read, it replaces the entry at that version (409 if it changed since).
 */
export const putStaffMemberBody = z.strictObject({
  name: nonEmpty(200),
  email,
  role: staffRole,
  language: z._default(staffLanguage, 'en'),
  active: z._default(z.boolean(), true),
  version: z.optional(z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1'))),
});
export type PutStaffMemberBody = z.infer<typeof putStaffMemberBody>;

/** `GET /staff?role=&active=&limit=&nextToken=`, by staff id. */
export const listStaffQuery = z.strictObject({
  role: z.optional(staffRole),
  active: z.optional(z.enum(['true', 'false'], { message: 'must be true or false' })),
  limit: pageLimit(50),
  nextToken: pageToken,
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;

export const staffMemberResponse = z.object({
  staffId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  language: z.string(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const staffPageResponse = z.object({
  items: z.array(staffMemberResponse),
  nextToken: z.optional(z.string()),
});
