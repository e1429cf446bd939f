import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Mailer } from '../ports/mailer';
import { makeBuyerMailer } from './buyer-mailer';
import { makeDynamoCommunicationLog } from './dynamodb-communications';
import { makeDynamoEmailSuppressionList } from './dynamodb-email-suppressions';
import { makeSesMailer } from './ses-mailer';

/** What a buyer-email sender's config carries (its function has `email: ['buyerMail']` access). */
export interface BuyerMailConfig {
  BUYER_MAIL_FROM: string;
  BUYER_MAIL_FROM_CONFIGURATION_SET: string;
  CUSTOMERS_TABLE: string;
}

/**
 * The buyer mailer every composition root builds the same way: SES from the buyer-mail identity,
 * suppressions and the communication history in the customers table (see buyer-mailer.ts).
 */
export function buyerMailerFromConfig(db: DynamoDBDocumentClient, config: BuyerMailConfig): Mailer {
  return makeBuyerMailer({
    mailer: makeSesMailer(
      new SESv2Client({}),
      config.BUYER_MAIL_FROM,
      config.BUYER_MAIL_FROM_CONFIGURATION_SET,
    ),
    suppressions: makeDynamoEmailSuppressionList(db, config.CUSTOMERS_TABLE),
    communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
  });
}
