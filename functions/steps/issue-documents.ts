import { DOCUMENT_SET_NAMES } from '../../shared/documents/trade-document';
import { stepHandler } from '../../shared/steps/step-handler';
import { issuingFromEnvironment } from '../../shared/use-cases/documents/issuing-wiring';
import * as z from '../../shared/zod-mini';

const { issue } = issuingFromEnvironment();

/** Workflow step: checks and issues one set of trade documents; DocumentChecksFailedError when held. */
export const handler = stepHandler(
  z.object({ orderId: z.string().check(z.minLength(1)), set: z.enum(DOCUMENT_SET_NAMES) }),
  ({ orderId, set }) => issue(orderId, set),
);
