import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Topology } from '../../topology/types';
import type { LocalSesFeedback } from './local-ses';

/**
 * The local SES part's event destinations, from the topology's email identities (`feedback`), and
 * the publisher that puts their events on the local EventBridge's default bus. SES starts before
 * EventBridge: events wait until `connect` gives the bus's endpoint.
 */
export function localSesFeedback(
  spec: Topology,
  scope: { region: string; accountId: string; credentials: { accessKeyId: string; secretAccessKey: string } },
  log?: (line: string) => void,
): { feedback: LocalSesFeedback; connect(eventbridgeUrl: string): void; close(): void } {
  let connected: (client: EventBridgeClient) => void = () => undefined;
  const client = new Promise<EventBridgeClient>((resolve) => {
    connected = resolve;
  });
  let made: EventBridgeClient | undefined;
  const destinations = Object.fromEntries(
    Object.values(spec.emailIdentities)
      .filter((identity) => identity.feedback)
      .map((identity) => [identity.configurationSet, identity.feedback?.events ?? []]),
  );
  return {
    feedback: {
      region: scope.region,
      accountId: scope.accountId,
      destinations,
      log,
      async publish(entries) {
        const result = await (await client).send(new PutEventsCommand({ Entries: entries }));
        if (result.FailedEntryCount) throw new Error(`${result.FailedEntryCount} SES event(s) not accepted`);
      },
    },
    connect(eventbridgeUrl) {
      made = new EventBridgeClient({
        endpoint: eventbridgeUrl,
        region: scope.region,
        credentials: scope.credentials,
      });
      connected(made);
    },
    close: () => made?.destroy(),
  };
}
