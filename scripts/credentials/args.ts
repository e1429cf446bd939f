import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/staff-roles';
import { UsageError } from './errors';
import { DEFAULT_STACK } from './stack-outputs';

export type Command =
  | { command: 'help' }
  | { command: 'create-storefront'; stack: string; name: string }
  | { command: 'staff-user-commands'; stack: string; role: StaffRole }
  | { command: 'disable'; stack: string; secret: string };

export const USAGE = `Usage: npm run credentials -- <command> [options]

  create-storefront --name "<shop name>"   a storefront API key (x-api-key)
  staff-user-commands --role <role>        the AWS CLI commands that add a staff member to the
                                           staff user pool, in the role's group (staff sign in
                                           there and send its access token as Authorization: Bearer)
  disable --secret <key>                   the authorizer refuses that storefront key from now on

  --stack <name>   the CloudFormation stack (default: ${DEFAULT_STACK})
  roles: ${STAFF_ROLES.join(', ')}

AWS credentials and region come from the usual places (AWS_PROFILE, AWS_REGION, …).`;

// Each command's options besides --stack; anything else is a mistake worth stopping for.
const COMMAND_OPTIONS = {
  'create-storefront': ['name'],
  'staff-user-commands': ['role'],
  disable: ['secret'],
} as const;
type CommandName = keyof typeof COMMAND_OPTIONS;

const NAME_MAX_LENGTH = 200;

/** `process.argv.slice(2)` → the command, or a UsageError saying what is wrong. */
export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  const commands = 'create-storefront, staff-user-commands or disable';
  if (!command) throw new UsageError(`Name a command: ${commands}.`);
  if (!isCommandName(command)) {
    const hint =
      command === 'create-staff-token'
        ? ' (staff now sign in through the user pool: see staff-user-commands)'
        : '';
    throw new UsageError(`Unknown command ${command}${hint}: use ${commands}.`);
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
    case 'staff-user-commands':
      return { command, stack, role: requireRole(values.role) };
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
  if (!secret) throw new UsageError('Give the storefront API key to disable with --secret <secret>.');
  return secret;
}
