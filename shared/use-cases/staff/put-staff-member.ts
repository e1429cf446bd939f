import type { DomainEvent } from '../../contracts/events';
import type { PutStaffMemberBody } from '../../contracts/staff';
import type { Actor } from '../../domain/order';
import {
  changedStaffFields,
  STAFF_FIELDS,
  type StaffDetails,
  type StaffMember,
} from '../../domain/staff-member';
import { ConcurrentUpdateError, ConflictError, NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { EventPublisher } from '../../ports/events';
import type { StaffDirectory } from '../../ports/staff-directory';

export interface PutStaffMemberDeps {
  staff: StaffDirectory;
  events: EventPublisher;
  clock: Clock;
}

export interface PutStaffMemberOutcome {
  member: StaffMember;
  /** Added by this call (201), rather than changed or found as sent (200). */
  created: boolean;
}

/**
 * PUT /staff/{staffId} (admin). Without `version`: adds the member; the same entry sent again is
 * answered as stored (a retry), another entry under a taken id is a 409 naming the version to send.
 * With the `version` read: replaces the entry at that version (409 if it changed since; 404 if there
 * is none). Each change is announced as StaffMemberUpdated, naming the fields, never their values;
 * an answer that changes nothing announces the entry's last change again (same changeId), so a
 * retry after a failed publish still announces it.
 */
export function makePutStaffMember(deps: PutStaffMemberDeps) {
  return async (staffId: string, body: PutStaffMemberBody, by: Actor): Promise<PutStaffMemberOutcome> => {
    const details: StaffDetails = {
      name: body.name,
      email: body.email.toLowerCase(),
      role: body.role,
      language: body.language,
      active: body.active,
    };
    const current = await deps.staff.get(staffId);
    if (body.version === undefined && current) {
      if (changedStaffFields(current, details).length) {
        throw new ConflictError(
          `staff member ${staffId} exists (version ${current.version}): read it (GET /staff/${staffId}) and send "version": ${current.version} to change it`,
          'EXISTS',
        );
      }
      return repeated(current);
    }
    if (body.version !== undefined && !current) {
      throw new NotFoundError(`no staff member ${staffId}: leave out "version" to add them`);
    }
    if (body.version !== undefined && current && current.version !== body.version) {
      throw stale(staffId, body.version, current.version);
    }
    const fields = current ? changedStaffFields(current, details) : [...STAFF_FIELDS];
    if (current && !fields.length) return repeated(current);

    const now = deps.clock.now().toISOString();
    const member: StaffMember = {
      staffId,
      ...details,
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
      updatedBy: by.id,
      changedFields: fields,
    };
    try {
      await deps.staff.save(member);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) throw stale(staffId, current?.version ?? 0);
      throw error;
    }
    await deps.events.publish([staffMemberUpdated(member)]);
    return { member, created: !current };
  };

  async function repeated(current: StaffMember): Promise<PutStaffMemberOutcome> {
    await deps.events.publish([staffMemberUpdated(current)]);
    return { member: current, created: false };
  }
}

function stale(staffId: string, read: number, now?: number): ConflictError {
  const what = read ? `version ${read} was read` : 'you read it';
  return new ConflictError(
    `staff member ${staffId} changed since ${what}${now ? ` (it is at version ${now})` : ''}; read it again (GET /staff/${staffId}) and resend the change`,
    'STALE_VERSION',
  );
}

function staffMemberUpdated(member: StaffMember): DomainEvent<'StaffMemberUpdated'> {
  return {
    type: 'StaffMemberUpdated',
    detail: {
      version: 1,
      changeId: `${member.staffId}:StaffMemberUpdated:${member.version}`,
      occurredAt: member.updatedAt,
      orderId: member.staffId,
      staffId: member.staffId,
      fields: member.changedFields?.length ? member.changedFields : [...STAFF_FIELDS],
      staffVersion: member.version,
      role: member.role,
      active: member.active,
    },
  };
}
