import {
  listStaffQuery,
  putStaffMemberBody,
  staffIdParam,
  staffMemberResponse,
  staffPageResponse,
} from '../../shared/contracts/staff';
import type { RouteContract } from './route-contracts';

const staffId = { staffId: staffIdParam };
const theMember = { description: 'The staff member', body: staffMemberResponse };

/** The OpenAPI contracts of the staff directory's routes (staff.ts), spread into route-contracts.ts. */
export const staffRouteContracts: Record<string, RouteContract> = {
  'GET /staff': {
    summary: 'List the staff directory',
    description:
      'Staff by staff id, a page at a time; `role` and `active` filter (a filtered page may hold fewer than ' +
      '`limit` entries while `nextToken` says there are more). Admin, sales and sales managers: those who ' +
      'give customers an owner. Names and work addresses are personal data: they never go into events or logs.',
    tag: 'Staff',
    query: listStaffQuery,
    responses: { 200: { description: 'A page of staff', body: staffPageResponse } },
  },
  'GET /staff/{staffId}': {
    summary: 'Read a staff member',
    description: 'The entry with its `version` (send it back with PUT to change it).',
    tag: 'Staff',
    pathParams: staffId,
    responses: { 200: theMember },
    problems: { 404: 'No staff member with this id' },
  },
  'PUT /staff/{staffId}': {
    summary: 'Add or change a staff member',
    description:
      'Admin only. The whole entry: name, work email, role (the user-pool group they sign in with), language ' +
      "(`en` or `zh-CN`: their staff emails' language) and `active`. The staff id is the person's (e.g. their " +
      'sign-in subject); customers name it as `owner`, and the weekly dormant-customer nudge reaches the ' +
      "owner's work address. Without `version` it adds the member (201; the same entry sent again answers it, " +
      '200; another entry under a taken id is a 409); with the `version` read it replaces the entry (200; 409 ' +
      'if it changed since). Each change is announced as `StaffMemberUpdated` (the fields, never their values). ' +
      'An inactive member keeps their entry but gets no email and cannot be made an owner.',
    tag: 'Staff',
    pathParams: staffId,
    body: putStaffMemberBody,
    responses: {
      201: { ...theMember, description: 'The staff member, added' },
      200: { ...theMember, description: 'The staff member, changed (or as it was, when nothing changed)' },
    },
    problems: {
      404: 'A `version` was sent for a staff member who does not exist (leave it out to add them)',
      409: 'The id is taken by another entry (send its version), or it changed since the version sent',
    },
    example: { name: 'Anna Schmidt', email: 'anna.schmidt@example.com', role: 'sales', language: 'en' },
  },
};
