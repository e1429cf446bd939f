import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../ports/mailer';

/** Sends through SES v2 from a verified identity, tagged for the configuration set's event destinations. */
export function makeSesMailer(client: SESv2Client, from: string, configurationSet: string): Mailer {
  return {
    async send(email) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: email.to },
          ConfigurationSetName: configurationSet,
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Html: { Data: email.html, Charset: 'UTF-8' },
                Text: { Data: email.text, Charset: 'UTF-8' },
              },
            },
          },
          EmailTags: Object.entries(email.tags ?? {}).map(([Name, Value]) => ({
            Name,
            Value: sanitizeTag(Value),
          })),
        }),
      );
      return result.MessageId ?? '';
    },
  };
}

/** SES tag values allow only ASCII letters, digits, underscore and dash. */
function sanitizeTag(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}
