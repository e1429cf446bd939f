import { parseCommand } from '../../../scripts/credentials/args';

describe('the credentials command line', () => {
  it('reads create-storefront, on the default stack', () => {
    // Act
    const command = parseCommand(['create-storefront', '--name', '  Shop One  ']);

    // Assess
    expect(command).toEqual({ command: 'create-storefront', stack: 'Tradeflow', name: 'Shop One' });
  });

  it('reads create-staff-token, on a named stack', () => {
    // Act
    const command = parseCommand([
      'create-staff-token',
      '--role',
      'finance',
      '--name=Fin',
      '--stack',
      'Staging',
    ]);

    // Assess
    expect(command).toEqual({
      command: 'create-staff-token',
      stack: 'Staging',
      role: 'finance',
      name: 'Fin',
    });
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
    [['create-staff-token', '--name', 'Fin'], 'Give the role with --role <role>, one of: sales, finance'],
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
    const parse = () => parseCommand(['create-staff-token', '--role', 'ceo', '--name', 'Boss']);

    // Assess
    expect(parse).toThrow(
      'Unknown role ceo: use one of sales, finance, procurement, warehouse, logistics, admin.',
    );
  });
});
