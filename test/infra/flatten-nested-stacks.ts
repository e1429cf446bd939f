import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;
type TemplateJson = {
  Resources: Record<string, { Properties?: Record<string, Json> } & Record<string, Json>>;
  Outputs?: Record<string, { Value: Json }>;
  Parameters?: Record<string, Json>;
};

/**
 * The stack and its nested stacks as one template, as if nothing were nested: each nested stack's
 * parameters are replaced by what the parent passes, each `Outputs.X` the parent reads by the
 * nested value, and the nested resources join the parent's. Tests then assert on resources and
 * references (e.g. a function's role, a rule's target) without caring which stack holds them.
 */
export function flattenedTemplate(stack: Stack): Template {
  const parent = Template.fromStack(stack).toJSON() as TemplateJson;
  const nestedStacks = stack.node
    .findAll()
    .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);
  for (const nested of nestedStacks) {
    const resourceId = stack.getLogicalId(nested.nestedStackResource as never);
    const child = Template.fromStack(nested).toJSON() as TemplateJson;
    const passed = (parent.Resources[resourceId]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    const resources = substitute(child.Resources, (node) => {
      const ref = (node as { Ref?: unknown }).Ref;
      return typeof ref === 'string' && ref in passed ? passed[ref] : undefined;
    }) as TemplateJson['Resources'];
    for (const [id, resource] of Object.entries(resources)) {
      if (id in parent.Resources)
        throw new Error(`Logical id ${id} is in both ${stack.stackName} and ${nested.node.id}`);
      parent.Resources[id] = resource;
    }
    delete parent.Resources[resourceId];
    const outputs = child.Outputs ?? {};
    const readOutput = (node: Json) => {
      const getAtt = (node as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
      if (!Array.isArray(getAtt) || getAtt[0] !== resourceId) return undefined;
      const name = String(getAtt[1]).replace(/^Outputs\./, '');
      return substitute(outputs[name]?.Value, () => undefined);
    };
    parent.Resources = substitute(parent.Resources, readOutput) as TemplateJson['Resources'];
    if (parent.Outputs) parent.Outputs = substitute(parent.Outputs, readOutput) as TemplateJson['Outputs'];
  }
  return Template.fromJSON(parent as unknown as Record<string, unknown>);
}

/** A deep copy where every node `replace` answers for is replaced by its answer. */
function substitute(value: Json, replace: (node: Json) => Json | undefined): Json {
  if (value === null || typeof value !== 'object') return value;
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((item) => substitute(item, replace));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, replace)]));
}
