import type { Clause, PolicySpec } from '../policy/types.js';

const PAGE = 'Cirrus Identity Support Center';
const page = /* @__NO_SIDE_EFFECTS__ */ (text: string): Clause => ({ source: PAGE, text });

const IMPLEMENTATION_TERM = page('Implementation Support is timebound and the customer may be charged additional fees after one (1) calendar year.');
const NOTICE = page(
  'Customers will maintain any locally deployed software integrated with Cirrus Identity Services - any coordination with Cirrus Identity must be scheduled, and requires a minimum of five (5) business days notice.',
);

/**
 * Cirrus Identity's Support Center page: who is supported and what is not. It
 * publishes no response-time figures ("the response-time windows defined by SLA"
 * live in the customer contract), so every target is null.
 */
export const cirrusIdentity: PolicySpec = {
  id: 'cirrus-identity',
  vendor: 'Cirrus Identity',
  name: 'Cirrus Identity Support Center',
  versions: [
    {
      id: 'support-center',
      source: PAGE,
      severities: [
        {
          level: 1,
          name: 'Unplanned outage',
          definition: 'An unplanned service interruption of Cirrus Identity Services.',
          clause: page(
            'In the event of an unplanned service interruption, Cirrus Identity will seek to restore service as expediently as possible and minimally acknowledge the service interruption within the response-time windows defined by SLA.',
          ),
        },
        {
          level: 2,
          name: 'Other support request',
          definition: 'Any other request for ongoing Support of Cirrus Identity Services.',
          clause: page('Cirrus Identity provides ongoing support (“Support”) for Customers with a current subscription for Cirrus Identity Services.'),
        },
      ],
      defaultSeverity: 2,
      plans: [
        {
          id: 'standard',
          name: 'Support (current subscription)',
          tier: 1,
          channels: ['portal'],
          coverage: { default: 'round-the-clock' },
          targets: { '1': null, '2': null },
          clause: page('Cirrus Identity provides ongoing support (“Support”) for Customers with a current subscription for Cirrus Identity Services.'),
        },
      ],
      scope: [
        { id: 'end-user', when: { endUser: true }, effect: 'excluded', clause: page('Support does not include the Customer’s end-users or Customer’s third-party services.') },
        {
          id: 'third-party-service',
          when: { thirdPartyService: true },
          effect: 'excluded',
          clause: page('Support does not include the Customer’s end-users or Customer’s third-party services.'),
        },
        {
          id: 'customer-environment',
          when: { customerEnvironment: true },
          effect: 'excluded',
          clause: page('Malfunctions caused by Customer’s environment or third-party service providers are excluded.'),
        },
        {
          id: 'third-party-provider',
          when: { thirdPartyProvider: true },
          effect: 'excluded',
          clause: page('Malfunctions caused by Customer’s environment or third-party service providers are excluded.'),
        },
        {
          id: 'feature-request',
          when: { featureRequest: true },
          effect: 'excluded',
          clause: page('Service feature requests are not malfunctions for which Support may be requested.'),
        },
        {
          id: 'implementation-support',
          // Without Implementation Support bought (no implementationStart), not part of Support.
          when: { all: [{ fact: 'implementationSupport', equals: true }, { fact: 'implementationStart', exists: false }] },
          effect: 'excluded',
          remedy: 'Buy Implementation Support (a one-time fee) from Cirrus Identity',
          clause: page(
            'Separate from ongoing Support, Cirrus Identity will provide the Customer initial setup, configuration guidance, deployment recommendations, and answer questions during working sessions (collectively “Implementation Support”) for a one-time fee.',
          ),
        },
        {
          id: 'implementation-support-term',
          when: { all: [{ fact: 'implementationSupport', equals: true }, { fact: 'implementationStart', within: { years: 1 } }] },
          effect: 'note',
          route: 'implementation-support',
          remedy: 'Handled as Implementation Support, within its first calendar year',
          clause: IMPLEMENTATION_TERM,
        },
        {
          id: 'implementation-support-fees',
          when: { all: [{ fact: 'implementationSupport', equals: true }, { fact: 'implementationStart', exists: true }, { not: { fact: 'implementationStart', within: { years: 1 } } }] },
          effect: 'note',
          route: 'implementation-support',
          remedy: 'The calendar year of Implementation Support has ended: additional fees may be charged',
          clause: IMPLEMENTATION_TERM,
        },
        {
          id: 'coordination-notice',
          // Scheduled coordination (coordinationAt, an instant) needs five of the customer's business days' notice.
          when: { not: { fact: 'coordinationAt', noticeBusinessDays: 5, clock: 'customer' } },
          effect: 'excluded',
          remedy: 'Schedule the coordination at least five business days ahead',
          clause: NOTICE,
        },
        {
          id: 'other-service',
          when: { otherService: true },
          effect: 'excluded',
          clause: page('Support is provided only for Cirrus Identity Services.'),
        },
      ],
      interpretations: [
        {
          id: 'cirrus-identity.undated',
          clause: page('The Support Center page outlines the general support procedures and practices for Cirrus Identity Services.'),
          reading: 'The page carries no date: its single version has no effectiveFrom and is in force at every instant.',
        },
        {
          id: 'cirrus-identity.contract-precedence',
          clause: page(
            'Individual Customers may have additional or different terms defined in the Customer Contract. Commitments defined by contract will take precedence to the practices outlined here.',
          ),
          reading:
            'This catalog entry is the default that applies when no contract says otherwise. A customer\'s contract terms (response windows, hours, severities) replace it: supply them as a custom policy or contract overlay; a contract figure always wins over this data.',
        },
        {
          id: 'cirrus-identity.no-published-windows',
          clause: page(
            'In the event of an unplanned service interruption, Cirrus Identity will seek to restore service as expediently as possible and minimally acknowledge the service interruption within the response-time windows defined by SLA.',
          ),
          reading:
            'The "response-time windows defined by SLA" are not published on the page (its SLA section lists no figure): every target is null. An eligible request gets no deadline until a contract supplies the windows.',
        },
        {
          id: 'cirrus-identity.severities',
          clause: page('Unplanned Outages'),
          reading:
            'The page defines no severity levels. slaclock defines two: 1 Unplanned outage (the one case the SLA section names) and 2 Other support request, the default.',
          severities: [1, 2],
        },
        {
          id: 'cirrus-identity.clock',
          clause: page('The following is the current Cirrus Identity SLA unless otherwise modified by Customer Contract:'),
          reading:
            'No support hours are published. The plan\'s clock is round-the-clock as a placeholder for a hosted service\'s outages; with every target null it never shapes a deadline. A contract that sets windows should set its own clock.',
        },
        {
          id: 'cirrus-identity.current-subscription',
          clause: page('Cirrus Identity provides ongoing support (“Support”) for Customers with a current subscription for Cirrus Identity Services.'),
          reading: '"Current subscription" = contract status active; a lapsed subscription, a trial or no contract is not eligible.',
          plans: ['standard'],
        },
        {
          id: 'cirrus-identity.freshdesk-portal',
          clause: page('Cirrus Identity uses FreshDesk to manage support requests and expects each Customer to authenticate with their organizational authentication provider.'),
          reading:
            'The one channel is portal (FreshDesk). Signing in with the organization\'s authentication provider is a login step, not a role restriction: no eligibility roles.',
          plans: ['standard'],
        },
        {
          id: 'cirrus-identity.exclusions',
          clause: page(
            'Support is provided only for Cirrus Identity Services. Malfunctions caused by Customer’s environment or third-party service providers are excluded. Service feature requests are not malfunctions for which Support may be requested.',
          ),
          reading:
            'Excluded (not eligible) when the request fact is true: endUser (a request from or for the customer\'s end users), thirdPartyService (the customer\'s third-party services), customerEnvironment and thirdPartyProvider (a malfunction they caused), featureRequest, otherService (anything other than Cirrus Identity Services).',
        },
        {
          id: 'cirrus-identity.implementation-support',
          clause: IMPLEMENTATION_TERM,
          reading:
            'Implementation Support (initial setup, configuration guidance, deployment recommendations, working sessions) is a separate one-time-fee service, not ongoing Support: fact implementationSupport without implementationStart is excluded (buy it). With implementationStart (an instant), a request within one calendar year of it (up to the anniversary, in the customer\'s zone) is routed to Implementation Support with a note; after it, also routed, with a note that fees may be charged (the page says "may", so not a denial).',
        },
        {
          id: 'cirrus-identity.five-business-days-notice',
          clause: NOTICE,
          reading:
            'The five business days are notice the customer must give before scheduled coordination, not a Cirrus response target. Rule coordination-notice reads coordinationAt (an instant): a coordination before the close of the fifth of the customer\'s business days after the request (the request\'s calendar) is not eligible, with the way forward. The page forbids stress/load testing outright, so no notice makes it eligible.',
        },
        {
          id: 'cirrus-identity.customer-responsibilities',
          clause: page(
            'Customers will validate their specific implementation, but shall not engage in stress/load testing, monitoring, or penetration testing of Cirrus Identity infrastructure.',
          ),
          reading: 'Customer responsibilities (no load or penetration testing, sufficient information, prompt implementation of recommendations) do not change eligibility or targets: not modelled.',
        },
        {
          id: 'cirrus-identity.current-sla-missing',
          clause: page('The following is the current Cirrus Identity SLA unless otherwise modified by Customer Contract:'),
          reading:
            'The page announces the current SLA and gives no table after it: what follows is the Unplanned Outages paragraph, which refers to "the response-time windows defined by SLA" without giving them. No figure is invented: every target stays null (cirrus-identity.no-published-windows) and a customer applies the SLA of their contract with withContract.',
        },
      ],
    },
  ],
};
