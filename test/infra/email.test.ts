import { topology } from '../../infra/topology';
import { identityDomain } from '../../infra/topology/environment';
import { synthesizeTemplate } from './stack-template';
import { resourcesOfType } from './template-inventory';

describe('SES', () => {
  // Prepare
  const template = synthesizeTemplate();

  describe.each(Object.values(topology.emailIdentities))('$name', (spec) => {
    // Act
    const [configurationSetId] =
      resourcesOfType(template, 'AWS::SES::ConfigurationSet').find(
        ([, cfn]) => cfn.Properties?.Name === spec.configurationSet,
      ) ?? [];

    it('has a configuration set named as declared', () => {
      // Assess
      expect(configurationSetId).toBeDefined();
    });

    it("verifies the sender's domain and sends through the configuration set", () => {
      // Assess
      template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: identityDomain(spec.fromAddress),
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
      });
    });
  });
});
