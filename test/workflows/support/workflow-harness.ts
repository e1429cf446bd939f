import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, localNames } from '../../../infra/local/local-aws';
import { substitutedDefinition } from '../../../infra/local/runtime';
import { type LocalStepFunctions, startLocalStepFunctions } from '../../../infra/local/stepfunctions';
import { topology } from '../../../infra/topology';
import { makeInMemoryCustomerRepository } from '../../../shared/adapters/in-memory/customers';
import {
  makeInMemoryCompanyDetails,
  makeInMemoryDocumentNumbers,
} from '../../../shared/adapters/in-memory/documents-support';
import { makeInMemoryInventoryRepository } from '../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../shared/adapters/in-memory/orders';
import { makeInMemoryTrackingTokens } from '../../../shared/adapters/in-memory/tracking-tokens';
import { makeInMemoryTradeDocumentStore } from '../../../shared/adapters/in-memory/trade-documents';
import { executionArnFor, makeSfnOrderWorkflow } from '../../../shared/adapters/sfn-order-workflow';
import { makeSfnWorkflowCallbacks } from '../../../shared/adapters/sfn-workflow-callbacks';
import type { PaymentTerms } from '../../../shared/contracts/common';
import { createCustomerBody } from '../../../shared/contracts/customers';
import { type DomainEvent, EVENT_TYPES, type EventType, subjectIdOf } from '../../../shared/contracts/events';
import { createProductBody, receiveInventoryBody } from '../../../shared/contracts/inventory';
import {
  cancelOrderBody,
  creditDecisionBody,
  recordDeliveryBody,
  recordPackingBody,
  recordPaymentBody,
  recordShipmentBody,
  type TrackingEventBody,
  trackingEventBody,
} from '../../../shared/contracts/order-actions';
import { createOrderBody } from '../../../shared/contracts/orders';
import { DOCUMENT_SET_NAMES } from '../../../shared/documents/trade-document';
import { DEFAULT_ESCALATION_SETTINGS } from '../../../shared/domain/escalation-settings';
import { formatAmount } from '../../../shared/domain/money';
import { subtract, zero } from '../../../shared/domain/money-math';
import { type Order, type OrderStatus, WAIT_KINDS, type WaitKind } from '../../../shared/domain/order';
import { amountDueBy, type CoverageStage } from '../../../shared/domain/payment-schedule';
import { WAIT_STATUS } from '../../../shared/domain/waits';
import { InvalidInputError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { EventPublisher } from '../../../shared/ports/events';
import type { OrderWorkflow } from '../../../shared/ports/workflow';
import { makeAdvanceOrder } from '../../../shared/use-cases/advance-order';
import { makeAllocateStock } from '../../../shared/use-cases/allocate-stock';
import { makeBeginWait } from '../../../shared/use-cases/begin-wait';
import { makeCompensateOrder } from '../../../shared/use-cases/compensate-order';
import { makeConfirmOrder } from '../../../shared/use-cases/confirm-order';
import { makeCreateCustomer } from '../../../shared/use-cases/create-customer';
import { makeCreateProduct } from '../../../shared/use-cases/create-product';
import { makeCustomerOutstanding } from '../../../shared/use-cases/customer-outstanding';
import { makeDispatchStock } from '../../../shared/use-cases/dispatch-stock';
import { makeIssueDocuments } from '../../../shared/use-cases/documents/issue-documents';
import { makeEscalateWait } from '../../../shared/use-cases/escalate-wait';
import { makeMarkOrderFailed } from '../../../shared/use-cases/mark-order-failed';
import { makeCancelOrder } from '../../../shared/use-cases/order-actions/cancel-order';
import { makeDecideCredit } from '../../../shared/use-cases/order-actions/decide-credit';
import { makeRecordDelivery } from '../../../shared/use-cases/order-actions/record-delivery';
import { makeRecordPacking } from '../../../shared/use-cases/order-actions/record-packing';
import { makeRecordPayment } from '../../../shared/use-cases/order-actions/record-payment';
import { makeRecordShipment } from '../../../shared/use-cases/order-actions/record-shipment';
import { makeRecordTrackingEvent } from '../../../shared/use-cases/order-actions/record-tracking-event';
import { makePlaceOrder } from '../../../shared/use-cases/place-order';
import { makeReceiveInventory } from '../../../shared/use-cases/receive-inventory';
import { makeReviewCredit } from '../../../shared/use-cases/review-credit';
import { makeScreenOrder } from '../../../shared/use-cases/screen-order';
import { makeStockAvailable } from '../../../shared/use-cases/stock-available';
import { makeValidateOrder } from '../../../shared/use-cases/validate-order';
import { scheduledSteps } from '../../../shared/use-cases/wait-schedule';
import { staff } from '../../fixtures/orders';

/**
 * The order workflow as it runs: the REAL ASL (workflows/order-lifecycle.asl.json with the local
 * function ARNs) on the local Step Functions server, whose tasks call the REAL use cases on in-memory
 * ports, exactly as the step handlers in functions/steps wire them. Callbacks (begin-wait's and the
 * staff actions' SendTaskSuccess/SendTaskFailure) go through the server over HTTP with the real SFN
 * adapter; staff actions are the order-action use cases, called as the API handlers call them.
 */

export const MACHINE_NAME = 'tradeflow-orderLifecycle';
export const MACHINE_ARN = localNames.workflowArn('orderLifecycle');

/** The ASL with its local substitutions, read once. */
export const definition = substitutedDefinition(topology, 'orderLifecycle') as {
  States: Record<string, { Type: string; TimeoutSeconds?: number; Resource?: string }>;
};

/** The wait state of each wait kind (the begin-wait task that waits for it). */
export const WAIT_STATE: Record<WaitKind, string> = {
  'credit-decision': 'WaitForCreditDecision',
  deposit: 'WaitForDeposit',
  stock: 'WaitForStock',
  packing: 'WaitForPacking',
  balance: 'WaitForBalance',
  shipment: 'WaitForShipment',
  delivery: 'WaitForDelivery',
  payment: 'WaitForPayment',
  documents: 'WaitForDocuments',
};

/** The wait states a shipment that leaves a backorder waits in (partial shipments), by kind. */
export const PART_WAIT_STATE: Partial<Record<WaitKind, string>> = {
  balance: 'WaitForPartBalance',
  shipment: 'WaitForPartShipment',
};

/** The ASL's TimeoutSeconds of a wait kind's state. */
export function waitTimeoutSeconds(kind: WaitKind): number {
  const seconds = definition.States[WAIT_STATE[kind]]?.TimeoutSeconds;
  if (seconds === undefined) throw new Error(`${WAIT_STATE[kind]} has no TimeoutSeconds`);
  return seconds;
}

/** A time scale at which the wait of `kind` times out after about `realMs` milliseconds. */
export function timeScaleFor(kind: WaitKind, realMs: number): number {
  return (waitTimeoutSeconds(kind) * 1000) / realMs;
}

/**
 * A time scale for the tests that must never see a wait time out: the shortest wait (one day) takes
 * ~86 s, far beyond any test, and a task's 60 s TimeoutSeconds is still 60 ms (the use cases run in
 * memory, in microseconds).
 */
export const CALM_TIME_SCALE = 1000;

export interface LineSpec {
  /** An existing product; by default a new product is made for the line. */
  sku?: string;
  quantity: number;
  unitPrice?: string;
  /** The stock of the new product (default: exactly the quantity ordered). */
  onHand?: number;
}

export interface PlaceOptions {
  terms: PaymentTerms;
  /** Default: 200 valves at 12.50 and 4 pumps at 899.90 (EUR 6099.60), all in stock. */
  lines?: LineSpec[];
  /** The customer's credit limit in EUR; null for none on file (default 50000.00). */
  creditLimit?: string | null;
  /** Store the order but do not start its execution yet (see `start`). */
  deferStart?: boolean;
  /** The buyer accepts partial shipments (what is in stock ships, the rest follows). */
  allowPartialShipments?: boolean;
}

export interface Placed {
  orderId: string;
  customerId: string;
  skus: string[];
  executionArn: string;
}

/**
 * Something run before a step's use case (to interleave an action, or to fail the step by throwing),
 * for the calls `when` accepts, `remaining` times.
 */
interface StepHook {
  functionName: string;
  run: (payload: Record<string, unknown>) => Promise<void> | void;
  when: (payload: Record<string, unknown>) => boolean;
  remaining: number;
}

export interface HookOptions {
  /** How many calls it applies to (default: every one). */
  times?: number;
  when?: (payload: Record<string, unknown>) => boolean;
}

/** A Lambda error as the invoker reports it: its name is the error type ASL matches. */
export function lambdaError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const DEFAULT_LINES: LineSpec[] = [
  { quantity: 200, unitPrice: '12.50' },
  { quantity: 4, unitPrice: '899.90' },
];

const POLL_MS = 3;

export type WorkflowHarness = Awaited<ReturnType<typeof startWorkflowHarness>>;

export async function startWorkflowHarness(options: { timeScale?: number } = {}) {
  const timeScale = options.timeScale ?? CALM_TIME_SCALE;
  const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-workflows-'));

  // Ports, in memory (the clock is the real one: waits are scaled by the server, not by the clock).
  const clock = { now: () => new Date() };
  const orders = makeInMemoryOrderRepository();
  const customers = makeInMemoryCustomerRepository();
  const inventory = makeInMemoryInventoryRepository();
  const published: DomainEvent[] = [];
  // As the EventBridge publisher does, every event is checked against its schema before it is sent.
  const events: EventPublisher = {
    async publish(batch) {
      for (const event of batch) EVENT_TYPES[event.type].schema.parse(event.detail);
      published.push(...structuredClone(batch));
    },
  };

  const calls: { functionName: string; payload: Record<string, unknown>; outcome?: 'ok' | string }[] = [];
  const hooks: StepHook[] = [];
  // Set once the server listens (and again after a restart): the steps and the actions call it.
  let server: LocalStepFunctions | undefined;
  let client: SFNClient | undefined;
  const sfn = () => client!;
  const sfnServer = () => server!;
  /** The SFN client the adapters hold: always the current one. */
  const currentClient = { send: (command: never) => sfn().send(command) } as SFNClient;
  const callbacks = makeSfnWorkflowCallbacks(currentClient);

  // The steps, wired as functions/steps/*.ts wire them (same inputs, same use cases).
  const stockAvailable = makeStockAvailable(inventory);
  const validateOrder = makeValidateOrder({ orders, customers, inventory, events, clock });
  const reviewCredit = makeReviewCredit({
    orders,
    customers,
    events,
    clock,
    outstanding: makeCustomerOutstanding(orders),
  });
  const confirmOrder = makeConfirmOrder({ orders, events, clock });
  const screenOrder = makeScreenOrder({ validate: validateOrder, reviewCredit, confirm: confirmOrder });
  const allocateStock = makeAllocateStock({ orders, inventory, events, clock });
  // Each wait enters the open-waits index at its first SLA step under the default settings.
  const firstDueAt = async (order: Order, wait: WaitKind, since: string) =>
    scheduledSteps(order, wait, since, DEFAULT_ESCALATION_SETTINGS, timeScale)[0]?.at;
  const beginWait = makeBeginWait({ orders, events, callbacks, clock, stockAvailable, firstDueAt });
  const escalateWait = makeEscalateWait({ orders });
  const advanceOrder = makeAdvanceOrder({ orders, events, clock });
  const dispatchStock = makeDispatchStock({ orders, inventory });
  const compensateOrder = makeCompensateOrder({ orders, inventory, events, clock });
  const markOrderFailed = makeMarkOrderFailed({ orders, events, clock });
  const tradeDocuments = makeInMemoryTradeDocumentStore();
  const issueDocuments = makeIssueDocuments({
    orders,
    customers,
    inventory,
    company: makeInMemoryCompanyDetails(),
    numbers: makeInMemoryDocumentNumbers(),
    documents: tradeDocuments,
    events,
    clock,
  });

  const orderId = z.string().min(1);
  const steps: Record<string, (payload: unknown) => Promise<unknown>> = {
    'screen-order': step(z.object({ orderId }), (input) => screenOrder(input.orderId)),
    'confirm-order': step(z.object({ orderId }), (input) => confirmOrder(input.orderId)),
    'allocate-stock': step(z.object({ orderId }), (input) => allocateStock(input.orderId)),
    'begin-wait': step(
      z.object({ orderId, wait: z.enum(WAIT_KINDS), taskToken: z.string().min(1) }),
      (input) => beginWait(input),
    ),
    'escalate-wait': step(z.object({ orderId, wait: z.enum(WAIT_KINDS) }), (input) =>
      escalateWait(input.orderId, input.wait),
    ),
    'advance-order': step(
      z.object({ orderId, stage: z.enum(['rejected', 'delivered', 'completed']) }),
      (input) => advanceOrder(input.orderId, input.stage),
    ),
    'dispatch-stock': step(z.object({ orderId }), (input) => dispatchStock(input.orderId)),
    'issue-documents': step(z.object({ orderId, set: z.enum(DOCUMENT_SET_NAMES) }), (input) =>
      issueDocuments(input.orderId, input.set),
    ),
    'compensate-order': step(z.object({ orderId }), (input) => compensateOrder(input.orderId)),
    'mark-order-failed': step(
      z.object({
        orderId,
        state: z.string().min(1),
        failure: z.object({ Error: z.string(), Cause: z.string().optional() }),
      }),
      (input) =>
        markOrderFailed(input.orderId, {
          state: input.state,
          error: input.failure.Error,
          cause: input.failure.Cause ?? '',
        }),
    ),
  };

  const invokeFunction = async (functionArn: string, payload: unknown): Promise<unknown> => {
    const functionName = functionArn.split(':').pop() ?? functionArn;
    const call = {
      functionName,
      payload: (payload ?? {}) as Record<string, unknown>,
    } as (typeof calls)[number];
    calls.push(call);
    const run = steps[functionName];
    if (!run) throw lambdaError('ResourceNotFoundException', `Function not found: ${functionArn}`);
    try {
      for (const hook of hooks) {
        if (hook.functionName !== functionName || hook.remaining <= 0 || !hook.when(call.payload)) continue;
        hook.remaining -= 1;
        await hook.run(call.payload);
      }
      const result = await run(payload);
      call.outcome = 'ok';
      return result;
    } catch (error) {
      call.outcome = error instanceof Error ? error.name : 'Error';
      throw error;
    }
  };

  /** A server on the data folder (executions left RUNNING there resume), and a client for it. */
  async function listen(): Promise<void> {
    server = await startLocalStepFunctions({
      host: '127.0.0.1',
      port: 0,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      dataDir,
      stateMachines: [{ name: MACHINE_NAME, arn: MACHINE_ARN, definition }],
      invokeFunction,
      timeScale,
    });
    client = new SFNClient({
      endpoint: server.url,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
  }
  async function close(): Promise<void> {
    client?.destroy();
    await server?.close();
  }
  await listen();

  // The API side: creating customers, products and orders; the staff actions.
  // (placeOrder calls are awaited one at a time in the tests: the flag is not for concurrent calls.)
  let deferStarts = false;
  const sfnWorkflow = makeSfnOrderWorkflow(currentClient, MACHINE_ARN);
  const deferred = new Map<string, Record<string, unknown>>();
  const workflow: OrderWorkflow = {
    async start(id, input) {
      if (deferStarts) {
        deferred.set(id, input);
        return executionArnFor(MACHINE_ARN, id);
      }
      return sfnWorkflow.start(id, input);
    },
  };
  const actionDeps = { orders, events, callbacks, clock };
  const createCustomer = makeCreateCustomer({ customers, clock, newId });
  const createProduct = makeCreateProduct({ inventory, clock });
  const placeOrderUseCase = makePlaceOrder({
    orders,
    customers,
    workflow,
    clock,
    newId,
    trackingTokens: makeInMemoryTrackingTokens(),
  });
  const decideCredit = makeDecideCredit(actionDeps);
  const recordPayment = makeRecordPayment(actionDeps);
  const recordPacking = makeRecordPacking(actionDeps);
  const recordShipment = makeRecordShipment(actionDeps);
  const recordTrackingEvent = makeRecordTrackingEvent(actionDeps);
  const recordDelivery = makeRecordDelivery(actionDeps);
  const cancelOrder = makeCancelOrder(actionDeps);
  const receiveInventory = makeReceiveInventory({ inventory, orders, callbacks });

  let productSeq = 0;
  let paymentSeq = 0;

  async function stored(id: string): Promise<Order> {
    const order = await orders.get(id);
    if (!order) throw new Error(`order ${id} is not stored`);
    return order;
  }

  async function statesEntered(id: string): Promise<string[]> {
    const history: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn().send(
        new GetExecutionHistoryCommand({ executionArn: executionArnFor(MACHINE_ARN, id), nextToken }),
      );
      history.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return history
      .map((event) => event.stateEnteredEventDetails?.name)
      .filter((name): name is string => Boolean(name));
  }

  /** What the order looks like to a person debugging a test that timed out. */
  async function describe(id: string): Promise<string> {
    const order = await orders.get(id);
    const execution = sfnServer()
      .executions()
      .find((summary) => summary.name === id);
    let states: string[] = [];
    try {
      states = await statesEntered(id);
    } catch {
      // no execution yet
    }
    return JSON.stringify(
      {
        status: order?.status,
        pendingWait: order?.pendingWait && { ...order.pendingWait, token: '…' },
        failure: order?.failure,
        execution: execution?.status,
        pendingStates: execution?.pendingWaits.map((wait) => wait.stateName),
        lastStates: states.slice(-8),
        events: published.filter((event) => subjectIdOf(event.detail) === id).map((event) => event.type),
      },
      null,
      2,
    );
  }

  async function until<T>(
    id: string,
    what: string,
    read: () => Promise<T | undefined> | T | undefined,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) {
        throw new Error(`order ${id}: ${what} not seen within ${timeoutMs} ms; now ${await describe(id)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The wait the execution is blocked on right now, with its token stored on the order. */
  async function currentWait(id: string): Promise<{ kind: WaitKind; token: string } | undefined> {
    const order = await orders.get(id);
    const wait = order?.pendingWait;
    if (!wait) return undefined;
    const execution = sfnServer()
      .executions()
      .find((summary) => summary.name === id);
    const open = execution?.pendingWaits.find((pending) => pending.token === wait.token);
    const states = [WAIT_STATE[wait.kind], PART_WAIT_STATE[wait.kind]];
    return open && states.includes(open.stateName) ? { kind: wait.kind, token: wait.token } : undefined;
  }

  const harness = {
    get server(): LocalStepFunctions {
      return sfnServer();
    },
    timeScale,
    orders,
    customers,
    inventory,
    /** Every event published, in order. */
    published,
    /** Every step function call, with its outcome (`ok` or the error name). */
    calls,

    /** Stops the server (aborting running executions) and removes its data folder. */
    async stop(): Promise<void> {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },

    /**
     * Stops the server as a crash would (running executions stay RUNNING in the data folder) and
     * starts a new one on the same folder: they resume by replaying their history.
     */
    async restart(): Promise<void> {
      await close();
      await listen();
    },

    /** A new product with its stock; returns the sku. */
    async newProduct(onHand: number, prefix = 'PART'): Promise<string> {
      const sku = `${prefix}-${++productSeq}-${Math.random().toString(36).slice(2, 8)}`;
      await createProduct(
        createProductBody.parse({
          sku,
          name: `Product ${sku}`,
          unit: 'pcs',
          hsCode: '8481.80',
          originCountry: 'CN',
        }),
      );
      await inventory.setStock(sku, { onHand });
      return sku;
    },

    /** A customer, a product per line (unless the line names one) and the order, started by default. */
    async placeOrder(place: PlaceOptions): Promise<Placed> {
      const creditLimit = place.creditLimit === undefined ? '50000.00' : place.creditLimit;
      const customer = await createCustomer(
        createCustomerBody.parse({
          name: 'Hamburg Tools GmbH buyer',
          email: 'buyer@hamburg-tools.example',
          country: 'DE',
          company: 'Hamburg Tools GmbH',
          currency: 'EUR',
          ...(creditLimit === null ? {} : { creditLimit: { amount: creditLimit, currency: 'EUR' } }),
        }),
      );
      const lines = [];
      for (const line of place.lines ?? DEFAULT_LINES) {
        const sku = line.sku ?? (await harness.newProduct(line.onHand ?? line.quantity));
        lines.push({ sku, quantity: line.quantity, unitPrice: line.unitPrice ?? '10.00' });
      }
      const body = createOrderBody.parse({
        customerId: customer.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: place.terms,
        lines,
        shippingAddress: {
          name: 'Hamburg Tools GmbH',
          line1: 'Am Hafen 1',
          city: 'Hamburg',
          postalCode: '20457',
          country: 'DE',
        },
        buyerPo: 'PO-2026-0042',
        ...(place.allowPartialShipments ? { allowPartialShipments: true } : {}),
      });
      deferStarts = Boolean(place.deferStart);
      try {
        const order = await placeOrderUseCase(body, { kind: 'storefront', id: 'sf_test' });
        return {
          orderId: order.orderId,
          customerId: customer.customerId,
          skus: lines.map((line) => line.sku),
          executionArn: executionArnFor(MACHINE_ARN, order.orderId),
        };
      } finally {
        deferStarts = false;
      }
    },

    /** Starts the execution of an order placed with `deferStart` (StartExecution, named after it). */
    async start(id: string): Promise<string> {
      return sfnWorkflow.start(id, deferred.get(id) ?? { orderId: id });
    },

    order: stored,

    /** The statuses the order went through, from its timeline (a status repeated in a row counts once). */
    async statuses(id: string): Promise<OrderStatus[]> {
      const statuses: OrderStatus[] = [];
      for (const entry of (await stored(id)).timeline) {
        if (entry.status && statuses.at(-1) !== entry.status) statuses.push(entry.status);
      }
      return statuses;
    },

    /** The events published about the order, optionally of one type. */
    eventsOf<T extends EventType>(id: string, type?: T): DomainEvent<T>[] {
      return published.filter(
        (event) => subjectIdOf(event.detail) === id && (type === undefined || event.type === type),
      ) as DomainEvent<T>[];
    },

    typesOf(id: string): EventType[] {
      return harness.eventsOf(id).map((event) => event.type);
    },

    /** The states the execution entered, in order (GetExecutionHistory). */
    statesEntered,

    describe,

    /** Polls the order until it has the status. */
    waitForStatus(id: string, status: OrderStatus, timeoutMs = 5000): Promise<Order> {
      return until(
        id,
        `status ${status}`,
        async () => {
          const order = await orders.get(id);
          return order?.status === status ? order : undefined;
        },
        timeoutMs,
      );
    },

    /**
     * Polls until the execution is blocked in the wait of `kind`: the server holds the wait's task
     * token and begin-wait has stored that same token on the order (the order shows the wait's status).
     */
    waitForWait(
      id: string,
      kind: WaitKind,
      options: { timeoutMs?: number; otherThanToken?: string } = {},
    ): Promise<Order> {
      return until(
        id,
        `the ${kind} wait${options.otherThanToken ? ' (entered again)' : ''}`,
        async () => {
          const wait = await currentWait(id);
          return wait?.kind === kind && wait.token !== options.otherThanToken ? stored(id) : undefined;
        },
        options.timeoutMs ?? 5000,
      );
    },

    /** Polls until the execution has ended; returns DescribeExecution's answer. */
    waitForExecution(id: string, timeoutMs = 5000): Promise<DescribeExecutionCommandOutput> {
      return until(
        id,
        'the end of the execution',
        async () => {
          const described = await sfn().send(
            new DescribeExecutionCommand({ executionArn: executionArnFor(MACHINE_ARN, id) }),
          );
          return described.status === 'RUNNING' ? undefined : described;
        },
        timeoutMs,
      );
    },

    /** Polls until an event of `type` about the order, matching `where`, is published. */
    waitForEvent<T extends EventType>(
      id: string,
      type: T,
      where: (event: DomainEvent<T>) => boolean = () => true,
      timeoutMs = 5000,
    ): Promise<DomainEvent<T>> {
      return until(id, `event ${type}`, () => harness.eventsOf(id, type).find(where), timeoutMs);
    },

    /** From now on, `run` runs before the use case of `functionName` (for the calls `options` pick). */
    beforeStep(
      functionName: string,
      run: (payload: Record<string, unknown>) => Promise<void> | void,
      options: HookOptions = {},
    ): void {
      hooks.push({
        functionName,
        run,
        when: options.when ?? (() => true),
        remaining: options.times ?? Number.POSITIVE_INFINITY,
      });
    },

    /** From now on, `functionName` throws `error()` instead of running (for the calls `options` pick). */
    breakStep(functionName: string, error: () => Error, options: HookOptions = {}): void {
      harness.beforeStep(
        functionName,
        () => {
          throw error();
        },
        options,
      );
    },

    /** The staff actions, through their use cases, with their bodies checked as the API checks them. */
    decideCredit: (id: string, decision: 'approve' | 'reject', note?: string) =>
      decideCredit(id, creditDecisionBody.parse({ decision, ...(note ? { note } : {}) }), staff.finance),

    pay: (id: string, amount: string, reference = `BANK-${++paymentSeq}`) =>
      recordPayment(id, recordPaymentBody.parse({ amount, currency: 'EUR', reference }), staff.finance),

    /** Pays what is still missing for the stage of the order's payment schedule. */
    async payFor(id: string, stage: CoverageStage) {
      const order = await stored(id);
      const owed = subtract(amountDueBy(order.paymentSchedule!, stage), order.paid ?? zero(order.currency));
      if (owed.minor <= 0) throw new Error(`order ${id} owes nothing for ${stage}`);
      return harness.pay(id, formatAmount(owed));
    },

    /** One package holding every unit ordered (or `lines`: a shipment of an order shipped in parts). */
    async pack(id: string, lines?: { sku: string; quantity: number }[]) {
      const order = await stored(id);
      const body = recordPackingBody.parse({
        packages: [
          {
            weightKg: 420.5,
            lengthCm: 120,
            widthCm: 100,
            heightCm: 90,
            lines: lines ?? order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
          },
        ],
      });
      return recordPacking(id, body, staff.warehouse);
    },

    ship: (id: string, dates: { etd: string; eta: string } = { etd: '2026-12-01', eta: '2027-01-05' }) =>
      recordShipment(
        id,
        recordShipmentBody.parse({
          carrier: 'Maersk',
          mode: 'SEA',
          transportDocumentNo: 'MAEU-BL-123456',
          trackingNumber: 'MSKU1234567',
          trackingUrl: 'https://tracking.example.com/MSKU1234567',
          ...dates,
          portOfLoading: 'CNSHA',
          portOfDischarge: 'DEHAM',
        }),
        staff.logistics,
      ),

    track: (id: string, update: TrackingEventBody) =>
      recordTrackingEvent(id, trackingEventBody.parse(update), staff.logistics),

    deliver: (id: string) =>
      recordDelivery(
        id,
        recordDeliveryBody.parse({ deliveredAt: new Date().toISOString(), receivedBy: 'J. Weber' }),
        staff.logistics,
      ),

    cancel: (id: string, reason = 'the buyer withdrew the order') =>
      cancelOrder(id, cancelOrderBody.parse({ reason }), staff.sales),

    receive: (sku: string, quantity: number) =>
      receiveInventory(receiveInventoryBody.parse({ sku, quantity })),

    /** Does what ends the order's current wait, as the department owning it would. */
    async endWait(id: string, kind: WaitKind): Promise<void> {
      switch (kind) {
        case 'credit-decision':
          await harness.decideCredit(id, 'approve');
          return;
        case 'deposit':
          await harness.payFor(id, 'deposit');
          return;
        case 'balance':
          await harness.payFor(id, 'balance');
          return;
        case 'payment':
          await harness.payFor(id, 'full');
          return;
        case 'stock': {
          const order = await stored(id);
          for (const { sku, short } of order.shortfalls ?? []) await harness.receive(sku, short);
          return;
        }
        case 'packing':
          await harness.pack(id);
          return;
        case 'shipment':
          await harness.ship(id);
          return;
        case 'delivery':
          await harness.deliver(id);
          return;
      }
    },

    /**
     * Ends every wait on the way until the order waits in `target` (or, for a status that is not a
     * wait, reaches it), each as its department would. Returns the order and the waits it ended.
     */
    async runTo(id: string, target: OrderStatus | 'end', timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      const left = () => Math.max(1, deadline - Date.now());
      const targetIsWait = target !== 'end' && Object.values(WAIT_STATUS).includes(target);
      const ended: WaitKind[] = [];
      for (;;) {
        const stop = await until(
          id,
          `a wait or ${target}`,
          async () => {
            const order = await orders.get(id);
            if (!order) return undefined;
            if (target === 'end') {
              const execution = sfnServer()
                .executions()
                .find((summary) => summary.name === id);
              if (execution && execution.status !== 'RUNNING') return { order, wait: undefined };
            } else if (order.status === target && !targetIsWait) {
              return { order, wait: undefined };
            }
            const wait = await currentWait(id);
            return wait ? { order, wait } : undefined;
          },
          left(),
        );
        if (!stop.wait || stop.order.status === target) return { order: stop.order, ended };
        await harness.endWait(id, stop.wait.kind);
        ended.push(stop.wait.kind);
        await until(
          id,
          `the ${stop.wait.kind} wait to end`,
          async () => ((await currentWait(id))?.token === stop.wait.token ? undefined : true),
          left(),
        );
      }
    },
  };
  return harness;
}

/**
 * A step handler's shape without its Lambda middleware: the input checked (a bad input is an
 * InvalidInputError, as shared/steps/step-handler.ts throws), then the use case.
 */
function step<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>) => Promise<R>) {
  return async (payload: unknown): Promise<R> => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new InvalidInputError(`step input: ${parsed.error.issues[0].message}`);
    return fn(parsed.data);
  };
}
