import type { StaffMember } from '../domain/staff-member';
import type { StaffRole } from '../domain/staff-roles';

export interface StaffPage {
  items: StaffMember[];
  nextToken?: string;
}

/** The staff directory (shared/domain/staff-member.ts). */
export interface StaffDirectory {
  /** The entry, strongly consistent; undefined when there is none. */
  get(staffId: string): Promise<StaffMember | undefined>;
  /** Entries by staff id, a page at a time; `role` and `active` filter (a page may then be short). */
  list(options: {
    role?: StaffRole;
    active?: boolean;
    limit: number;
    nextToken?: string;
  }): Promise<StaffPage>;
  /**
   * Stores the entry if the stored one is at `member.version - 1` (none for version 1); else
   * ConcurrentUpdateError.
   */
  save(member: StaffMember): Promise<void>;
}

/** Every entry that matches (the directory is small: people, not orders). */
export async function allStaff(
  directory: Pick<StaffDirectory, 'list'>,
  filter: { role?: StaffRole; active?: boolean },
): Promise<StaffMember[]> {
  const all: StaffMember[] = [];
  let nextToken: string | undefined;
  do {
    const page = await directory.list({ ...filter, limit: 100, nextToken });
    all.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
