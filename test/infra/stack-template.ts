import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { repoRoot } from '../../infra/aws/repo-root';
import { TradeflowStack } from '../../infra/aws/tradeflow-stack';
import { topology as declared } from '../../infra/topology';
import type { Topology } from '../../infra/topology/types';
import { flattenedTemplate } from './flatten-nested-stacks';

/** The feature flags `cdk synth` uses (cdk.json), so tests build the same template. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** App props for fast tests: no esbuild bundling, and no built-in CloudFormation validation. */
export function fastAppProps() {
  return {
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  };
}

/** The stack's template with its nested stacks flattened in, without bundling (about a second). */
export function synthesizeTemplate(topology: Topology = declared): Template {
  const app = new App(fastAppProps());
  return flattenedTemplate(new TradeflowStack(app, 'Tradeflow', { topology }));
}
