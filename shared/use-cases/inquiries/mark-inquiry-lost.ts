import type { MarkInquiryLostBody } from '../../contracts/inquiries';
import { type Inquiry, InquiryStatusError, lost } from '../../domain/inquiry';
import type { Actor } from '../../domain/order';
import { ConflictError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository } from '../../ports/inquiries';
import { inquiryLost } from './inquiry-events';
import { updateInquiry } from './update-inquiry';

export interface MarkInquiryLostDeps {
  inquiries: InquiryRepository;
  events: EventPublisher;
  clock: Clock;
}

/** POST /inquiries/{id}/lost (sales): LOST with the reason (kept on the inquiry, not in the event). */
export function makeMarkInquiryLost(deps: MarkInquiryLostDeps) {
  return async (inquiryId: string, body: MarkInquiryLostBody, by: Actor): Promise<Inquiry> => {
    const at = deps.clock.now().toISOString();
    const { inquiry } = await updateInquiry(deps.inquiries, inquiryId, (current) => {
      try {
        return lost(current, body.reason, at, by);
      } catch (error) {
        if (error instanceof InquiryStatusError) throw new ConflictError(error.message, error.status);
        throw error;
      }
    });
    await deps.events.publish([inquiryLost(inquiry)]);
    return inquiry;
  };
}
