import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Every resource of the staff console carries this tag (the bill shows what the console costs, and
 * tests tell its buckets and its deployment function from the topology's).
 */
export const CONSOLE_TAG = { key: 'tradeflow:part', value: 'staff-console' } as const;

export const tagAsConsole = (scope: IConstruct) => Tags.of(scope).add(CONSOLE_TAG.key, CONSOLE_TAG.value);
