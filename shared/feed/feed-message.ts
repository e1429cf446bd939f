import type { Department } from '../email/department/next-steps';
import { departmentsConcerned } from './feed-departments';

/** An event as the bus delivers it (the fields the feed reads). */
export interface BusEvent {
  id: string;
  'detail-type': string;
  time: string;
  detail: unknown;
}

/**
 * One live feed message: the bus event's id (the SSE `id:`, what `Last-Event-ID` resumes from), its
 * type and time, the order, the departments concerned, and the detail as published. Details carry
 * ids and figures only (docs/events.md), so a message has no personal data either.
 */
export interface FeedMessage {
  id: string;
  type: string;
  time: string;
  orderId?: string;
  departments: Department[];
  detail: Record<string, unknown>;
}

export function feedMessage(event: BusEvent): FeedMessage {
  const detail = isRecord(event.detail) ? event.detail : {};
  return {
    id: event.id,
    type: event['detail-type'],
    time: event.time,
    ...(typeof detail.orderId === 'string' ? { orderId: detail.orderId } : {}),
    departments: departmentsConcerned(event['detail-type'], detail),
    detail,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
