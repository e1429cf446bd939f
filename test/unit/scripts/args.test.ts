import { parseCommand } from '../../../scripts/credentials/args';

describe('the credentials command line', () => {
  it('reads create-storefront, on the default stack', () => {
    // Act
    const command = parseCommand(['create-storefront', '--name', '  Shop One  ']);

    // Assess
    expect(command).toEqual({ command: 'create-storefront', stack: 'Tradeflow', name: 'Shop One' });
  });

  it('reads staff-user-commands, on a named stack', () => {
    // Act
    const command = parseCommand(['staff-user-commands', '--role', 'finance', '--stack', 'Staging']);

    // Assess
    expect(command).toEqual({ command: 'staff-user-commands', stack: 'Staging', role: 'finance' });
  });

  it('reads disable', () => {
    // Act
    const command = parseCommand(['disable', '--secret', 'tfk_abc']);

    // Assess
    expect(command).toEqual({ command: 'disable', stack: 'Tradeflow', secret: 'tfk_abc' });
  });

  it('reads --help with or without a command', () => {
    // Assess
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['disable', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'Name a command'],
    [['create-shop'], 'Unknown command create-shop'],
    [['create-storefront'], "Give the shop's name with --name"],
    [['create-storefront', '--name', '   '], "Give the shop's name"],
    [['create-storefront', '--name', 'x'.repeat(201)], 'keep it to 200'],
    [['create-storefront', '--name', 'Shop', 'One'], 'Unexpected One: quote a name'],
    [['create-storefront', '--name', 'Shop', '--role', 'sales'], 'create-storefront takes no --role'],
    [['staff-user-commands'], 'Give the role with --role <role>, one of: sales, finance'],
    [['staff-user-commands', '--role', 'sales', '--name', 'Fin'], 'staff-user-commands takes no --name'],
    [['create-staff-token', '--role', 'sales'], 'staff now sign in through the user pool'],
    [['disable'], 'with --secret <secret>'],
    [['disable', '--secret', 'x', '--verbose'], "'--verbose'"],
  ])('explains %j', (argv, message) => {
    // Act
    const parse = () => parseCommand(argv);

    // Assess
    expect(parse).toThrow(
      expect.objectContaining({ name: 'UsageError', message: expect.stringContaining(message) }),
    );
  });

  it('lists the roles when the role is unknown', () => {
    // Act
    const parse = () => parseCommand(['staff-user-commands', '--role', 'ceo']);

    // Assess
    expect(parse).toThrow(
      'Unknown role ceo: use one of sales, finance, procurement, warehouse, logistics, admin, sales-manager.',
    );
  });
});
