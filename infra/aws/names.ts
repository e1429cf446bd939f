/** `create-order` / `orderLifecycle` → `CreateOrder` / `OrderLifecycle`: construct ids from topology names. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
