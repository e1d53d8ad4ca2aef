import type { Clause, PolicySpec, RoutingRule } from '../policy/types.js';

const PAGE = 'SailPoint IdentityNow: SaaS Support vs. Expert Services';
const page = /* @__NO_SIDE_EFFECTS__ */ (text: string): Clause => ({ source: PAGE, text });

const scenario = /* @__NO_SIDE_EFFECTS__ */ (situation: string, resource: string): Clause => page(`Scenario: ${situation} Resource: ${resource}`);

/**
 * Which team a case goes to. The first rule whose facts all match wins, so the
 * specific scenarios come before the general break-fix statements.
 */
const ROUTING_RULES: readonly RoutingRule[] = [
  {
    when: { customRule: true },
    team: 'expert-services',
    clause: scenario(
      'I have developed a new rule, or updated an existing rule and need assistance with implementation and/or troubleshooting the rule.',
      'Expert Services',
    ),
  },
  {
    when: { afterCcgUpdate: true, customConnector: true },
    team: 'expert-services',
    clause: scenario(
      'After a CCG update, aggregations for one or more previously working sources are no longer completing successfully.',
      'SaaS Support for an OOTB connector, Expert Services for a custom connector',
    ),
  },
  {
    when: { afterCcgUpdate: true, customConnector: false },
    team: 'saas-support',
    clause: scenario(
      'After a CCG update, aggregations for one or more previously working sources are no longer completing successfully.',
      'SaaS Support for an OOTB connector, Expert Services for a custom connector',
    ),
  },
  {
    when: { newSource: true, provisioningMismatch: true },
    team: 'expert-services',
    clause: scenario(
      'I have configured a new source using an OOTB connector. When provisioning, I am not seeing the expected values within the target system.',
      'Expert Services',
    ),
  },
  {
    when: { newSource: true, aggregationFailing: true },
    team: 'expert-services',
    clause: scenario(
      'I have implemented a new source within IdentityNow but cannot successfully aggregate accounts or entitlements from the associated system.',
      'Expert Services',
    ),
  },
  {
    when: { connectorReconfiguration: true },
    team: 'expert-services',
    clause: scenario(
      'The current configuration of my existing source does not meet new business process requirements. I need assistance with customizing the connector configuration to meet my needs.',
      'Expert Services',
    ),
  },
  {
    when: { newAccessProfileOrRole: true, assistanceNeeded: true },
    team: 'expert-services',
    clause: page('You, the customer, can create a new Access Profile or Role according to documentation. If assistance is needed, contact our Expert Services team or an implementation partner.'),
  },
  {
    when: { newAccessProfileOrRole: true },
    team: 'customer',
    clause: scenario('I need a new Access Profile or Role to accommodate a new business process.', 'Customer/Expert Services'),
  },
  {
    when: { virtualApplianceNotReporting: true, environmentIssue: true },
    team: 'customer',
    clause: page(
      'If the issue is determined to be environment related (i.e., TLS misconfiguration, network connectivity, or latency issues), you will need to work with your internal team(s) to resolve the underlying issues.',
    ),
  },
  {
    when: { virtualApplianceNotReporting: true },
    team: 'saas-support',
    clause: scenario(
      'I have a Virtual Appliance (VA) that is not reporting to IdentityNow. I need assistance troubleshooting the VA connection.',
      'SaaS Support/Customer',
    ),
  },
  {
    when: { existingAccessProfileOrRole: true, noLongerProvisioned: true },
    team: 'saas-support',
    clause: scenario('I have an existing Access Profile or Role that is no longer being provisioned.', 'SaaS Support'),
  },
  {
    when: { configurationChanged: false, tenantInaccessible: true },
    team: 'saas-support',
    clause: scenario('I have not made any configuration changes, but the IdentityNow tenant is not accessible.', 'SaaS Support'),
  },
  {
    when: { configurationChanged: false, aggregationFailing: true },
    team: 'saas-support',
    clause: scenario(
      "My existing source's aggregations are no longer completing successfully. I have not made any configuration changes to my source.",
      'SaaS Support',
    ),
  },
  {
    when: { dataQuality: true },
    team: 'expert-services',
    clause: page(
      'The Expert Services team focuses on issues that are not break-fix. Data quality challenges, rules, new configurations, and creating and updating customizations all fall under Expert Services, as they are better equipped to efficiently, and effectively, craft a solution.',
    ),
  },
  {
    when: { newConfiguration: true },
    team: 'expert-services',
    clause: page(
      'The Expert Services team focuses on issues that are not break-fix. Data quality challenges, rules, new configurations, and creating and updating customizations all fall under Expert Services, as they are better equipped to efficiently, and effectively, craft a solution.',
    ),
  },
  {
    when: { customization: true },
    team: 'expert-services',
    clause: page(
      'The Expert Services team focuses on issues that are not break-fix. Data quality challenges, rules, new configurations, and creating and updating customizations all fall under Expert Services, as they are better equipped to efficiently, and effectively, craft a solution.',
    ),
  },
  {
    when: { stoppedWorking: true, configurationChanged: false },
    team: 'saas-support',
    clause: page('Generally, if IdentityNow stops working without changes to configuration, it is break-fix.'),
  },
  {
    when: { breakFix: true },
    team: 'saas-support',
    clause: page(
      'The SaaS Support team focuses on break-fix issues. Our Cloud Support Engineers have a diverse, deep skill set that allows them to understand and resolve issues related to OOTB product functionality that was working previously.',
    ),
  },
  {
    when: { breakFix: false },
    team: 'expert-services',
    clause: page('The Expert Services team focuses on issues that are not break-fix.'),
  },
];

/** SailPoint IdentityNow's guide to SaaS Support vs. Expert Services: routing, no published targets. */
export const sailpointIdentityNow: PolicySpec = {
  id: 'sailpoint-identitynow',
  vendor: 'SailPoint',
  name: 'IdentityNow: SaaS Support vs. Expert Services',
  versions: [
    {
      id: 'support-vs-expert-services',
      source: PAGE,
      severities: [
        {
          level: 3,
          name: 'Unspecified',
          definition: 'The page defines no severity levels; every case is at this one level.',
        },
      ],
      defaultSeverity: 3,
      plans: [
        {
          id: 'standard',
          name: 'SaaS Support',
          tier: 1,
          channels: ['portal'],
          coverage: { default: 'round-the-clock' },
          targets: { '3': null },
          clause: page(
            'When a SaaS platform issue arises, which team do you contact? In many situations, the SaaS Support team is the correct resource to quickly resolve an issue, however there are certain instances where the Expert Services team may be required instead.',
          ),
        },
      ],
      scope: [
        {
          id: 'non-employee-risk-management',
          when: { nonEmployeeRiskManagement: true },
          effect: 'note',
          route: 'non-employee-risk-management',
          remedy: 'See SailPoint\'s "Non-Employee Risk Management and Expert Services" document',
          clause: page(
            'Note: This document deals specifically with SaaS platform issues not related to Non-Employee Risk Management (NERM). For Non-Employee Risk Management, please see Non-Employee Risk Management and Expert Services.',
          ),
        },
      ],
      routing: {
        rules: ROUTING_RULES,
        fallback: 'customer-success-manager',
        clause: page(
          'After reading this document, if you are still unsure whether your issue should be addressed by SaaS Support or Expert Services, please reach out to your Customer Success Manager for more guidance.',
        ),
      },
      interpretations: [
        {
          id: 'sailpoint-identitynow.undated',
          clause: page('Learn more about the scope of what each team addresses to help determine whether your issue should go to SaaS Support or Expert Services.'),
          reading: 'The page carries no date: its single version has no effectiveFrom and is in force at every instant.',
        },
        {
          id: 'sailpoint-identitynow.no-targets',
          clause: page('In many situations, the SaaS Support team is the correct resource to quickly resolve an issue'),
          reading: 'The page publishes no response-time figure: the target is null (eligible requests get no deadline).',
        },
        {
          id: 'sailpoint-identitynow.severities',
          clause: page('The following example scenarios highlight situations in which you may need SaaS Support or Expert Services assistance.'),
          reading: 'The page defines no severity levels. slaclock defines one, level 3 "Unspecified", which is also the default.',
          severities: [3],
        },
        {
          id: 'sailpoint-identitynow.clock',
          clause: page('When a SaaS platform issue arises, which team do you contact?'),
          reading: 'No support hours are published. The clock is round-the-clock as a placeholder; with the target null it never shapes a deadline.',
        },
        {
          id: 'sailpoint-identitynow.plan',
          clause: page('For an OOTB connector, raise a SaaS Support case.'),
          reading:
            'The one plan is SaaS Support (id standard), in force while the subscription is active (the page is silent on contracts; the default rule applies). Cases are raised through the support portal: channel portal. Compass forums, knowledge base and documentation are self-service, not channels.',
          plans: ['standard'],
        },
        {
          id: 'sailpoint-identitynow.routing-order',
          clause: page(
            'Please note, there is some overlap between break-fix issues and those that are not break-fix. For example, updates are vetted through QA and a product issue is highly unlikely, but possible (break-fix). However, some updates may cause issues with custom rules and/or configurations (not break-fix).',
          ),
          reading:
            'Routing rules are tried in order and the first whose facts all match wins: the named scenarios first, custom rules and custom connectors before anything break-fix (an update that breaks a custom rule goes to Expert Services), the general statements (data quality, new configurations, customizations, "stops working without changes to configuration", breakFix) last. A fact that is absent never matches, not even a false one: an OOTB connector must be stated as customConnector: false.',
        },
        {
          id: 'sailpoint-identitynow.fallback',
          clause: page(
            'After reading this document, if you are still unsure whether your issue should be addressed by SaaS Support or Expert Services, please reach out to your Customer Success Manager for more guidance. They will be able to help determine the best resolution path for you and route it appropriately.',
          ),
          reading: 'A request no rule matches goes to the team customer-success-manager.',
        },
        {
          id: 'sailpoint-identitynow.partners',
          clause: page('The following list includes some of the major categories of issues best served by Expert Services, or an implementation partner (not break-fix).'),
          reading: 'The team expert-services stands for "Expert Services, or an implementation partner".',
        },
        {
          id: 'sailpoint-identitynow.customer-team',
          clause: page('Scenario: I need a new Access Profile or Role to accommodate a new business process. Resource: Customer/Expert Services'),
          reading:
            'A "Customer/..." resource goes to the team customer (the customer\'s own administrators) unless the request says assistanceNeeded; then it goes to expert-services. A Virtual Appliance that is not reporting goes to saas-support unless environmentIssue says the cause is the customer\'s environment (TLS, network, latency), then to customer.',
        },
        {
          id: 'sailpoint-identitynow.route-not-eligibility',
          clause: page('You can also contact your CSM or request an Expert Services/partner engagement directly if the issue is clearly something for Expert Services or an implementation partner.'),
          reading: 'Routing names the team that should take the case; it does not make a request ineligible. Expert Services engagements are separate services with no published targets.',
        },
        {
          id: 'sailpoint-identitynow.empty-lists',
          clause: page('Generally, if IdentityNow stops working without changes to configuration, it is break-fix. These issues can be caused by external interaction or a product issue, including: ... The following list includes some of the major categories of issues best served by Expert Services, or an implementation partner (not break-fix).'),
          reading:
            'Both lists are empty on the page. slaclock routes only what the page\'s sentences and scenarios say (break-fix without configuration changes to SaaS Support; rules, new configuration and customizations to Expert Services) and invents no categories for the missing items.',
        },
        {
          id: 'sailpoint-identitynow.custom-connector-update',
          clause: page('For an OOTB connector, raise a SaaS Support case. If the connector is custom and an update is required, Expert Services is recommended.'),
          reading:
            '"Custom and an update is required": the scenario\'s Resource line ("Expert Services for a custom connector") is read as presuming that a custom connector failing after a CCG update needs an update, so customConnector: true after a CCG update routes to Expert Services. "Recommended" makes it a route, never a denial: the request stays eligible.',
        },
        {
          id: 'sailpoint-identitynow.nerm',
          clause: page('Note: This document deals specifically with SaaS platform issues not related to Non-Employee Risk Management (NERM).'),
          reading: 'The page only points elsewhere for Non-Employee Risk Management (fact nonEmployeeRiskManagement): it neither grants nor denies support for it. A NERM request stays eligible with the page\'s terms, gets a rule_note citing the sentence, is routed to non-employee-risk-management, and its remedy names the other document.',
        },
      ],
    },
  ],
};
