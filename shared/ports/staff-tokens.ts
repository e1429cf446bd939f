import type { StaffRole } from '../domain/staff-roles';

/** A signed-in staff member: the user's opaque id (Cognito's `sub`, no personal data) and role. */
export interface StaffMember {
  sub: string;
  role: StaffRole;
}

/** A refusal says why in a word fit for logs (an error name), never with the token's claims. */
export type StaffTokenCheck = { ok: true; staff: StaffMember } | { ok: false; reason: string };

/** Checks a staff bearer token (a user pool access token) and says who sent it. */
export interface StaffTokenVerifier {
  verify(token: string): Promise<StaffTokenCheck>;
}
