import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on host:port (0: a free port) and gives the URL it serves at. */
export async function listen(
  server: Server,
  host: string,
  port: number,
): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://${host}:${bound}`, port: bound };
}

/** Closes the server and every connection to it (keep-alive ones would hold `close` open). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
