import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/staff-roles';
import { UsageError } from './errors';
import { DEFAULT_STACK } from './stack-outputs';

export type Command =
  | { command: 'help' }
  | { command: 'create-storefront'; stack: string; name: string }
  | { command: 'create-staff-token'; stack: string; role: StaffRole; name: string }
  | { command: 'disable'; stack: string; secret: string };

export const USAGE = `Usage: npm run credentials -- <command> [options]

  create-storefront --name "<shop name>"               a storefront API key (x-api-key)
  create-staff-token --role <role> --name "<person>"   a staff token (Authorization: Bearer)
  disable --secret <key or token>                      the authorizer refuses it from now on

  --stack <name>   the CloudFormation stack (default: ${DEFAULT_STACK})
  roles: ${STAFF_ROLES.join(', ')}

AWS credentials and region come from the usual places (AWS_PROFILE, AWS_REGION, …).`;

// Each command's options besides --stack; anything else is a mistake worth stopping for.
const COMMAND_OPTIONS = {
  'create-storefront': ['name'],
  'create-staff-token': ['role', 'name'],
  disable: ['secret'],
} as const;
type CommandName = keyof typeof COMMAND_OPTIONS;

const NAME_MAX_LENGTH = 200;

/** `process.argv.slice(2)` → the command, or a UsageError saying what is wrong. */
export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (!command) throw new UsageError('Name a command: create-storefront, create-staff-token or disable.');
  if (!isCommandName(command)) {
    throw new UsageError(`Unknown command ${command}: use create-storefront, create-staff-token or disable.`);
  }
  if (extra.length) throw new UsageError(`Unexpected ${extra.join(' ')}: quote a name with spaces in it.`);
  const allowed: readonly string[] = COMMAND_OPTIONS[command];
  for (const option of ['name', 'role', 'secret'] as const) {
    if (values[option] !== undefined && !allowed.includes(option)) {
      throw new UsageError(`${command} takes no --${option}.`);
    }
  }
  const stack = values.stack ?? DEFAULT_STACK;
  switch (command) {
    case 'create-storefront':
      return { command, stack, name: requireName(values.name, 'the shop') };
    case 'create-staff-token':
      return { command, stack, role: requireRole(values.role), name: requireName(values.name, 'the person') };
    case 'disable':
      return { command, stack, secret: requireSecret(values.secret) };
  }
}

function parseOrExplain(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        secret: { type: 'string' },
        stack: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node:util's messages name the option; keep them, in our error class.
    throw new UsageError((error as Error).message);
  }
}

function isCommandName(value: string): value is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, value);
}

function requireName(value: string | undefined, whose: string): string {
  const name = value?.trim() ?? '';
  if (!name) throw new UsageError(`Give ${whose}'s name with --name "<name>".`);
  if (name.length > NAME_MAX_LENGTH) {
    throw new UsageError(`The name is ${name.length} characters; keep it to ${NAME_MAX_LENGTH}.`);
  }
  return name;
}

function requireRole(value: string | undefined): StaffRole {
  const roles = STAFF_ROLES.join(', ');
  if (!value) throw new UsageError(`Give the role with --role <role>, one of: ${roles}.`);
  const role = STAFF_ROLES.find((candidate) => candidate === value);
  if (!role) throw new UsageError(`Unknown role ${value}: use one of ${roles}.`);
  return role;
}

function requireSecret(value: string | undefined): string {
  const secret = value?.trim() ?? '';
  if (!secret) throw new UsageError('Give the API key or staff token to disable with --secret <secret>.');
  return secret;
}
