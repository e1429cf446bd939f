import { App, type AppProps } from 'aws-cdk-lib';
import { addNagChecks } from './nag';
import { TradeflowStack, type TradeflowStackProps } from './tradeflow-stack';

export const stackName = 'Tradeflow';

/** The CDK app: the stack plus the cdk-nag checks, shared by `app.ts` and the tests. */
export function createApp(
  appProps?: AppProps,
  stackProps?: TradeflowStackProps,
): { app: App; stack: TradeflowStack } {
  const app = new App(appProps);
  const stack = new TradeflowStack(app, stackName, {
    description: 'tradeflow: export-trade order processing',
    ...stackProps,
  });
  addNagChecks(app);
  return { app, stack };
}
