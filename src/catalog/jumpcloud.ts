import type { CalendarSpec } from '../calendar/spec.js';
import type { Clause, PolicySpec, PolicyVersionSpec, SeveritySpec } from '../policy/types.js';

// Two published pages, neither dated. Every sentence the data relies on is quoted
// from one of them; docs/policies.md lists the readings.
const CURRENT = 'JumpCloud Support Policies: JumpCloud Customer Support Tiers (current page)';
const LEGACY = 'JumpCloud Support Policies (legacy page)';

const current = /* @__NO_SIDE_EFFECTS__ */ (text: string): Clause => ({ source: CURRENT, text });
const legacy = /* @__NO_SIDE_EFFECTS__ */ (text: string): Clause => ({ source: LEGACY, text });

const HOURS_OF_OPERATION = legacy('Hours of Support Operation: Monday through Friday – 9am to 5pm Mountain Time (U.S.); U.S. Federal holidays excluded');

/** JumpCloud's business hours: the only clock either page describes in hours. */
const JUMPCLOUD_BUSINESS_HOURS: CalendarSpec = {
  name: 'JumpCloud business hours (Mountain Time)',
  timezone: 'America/Denver',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [{ preset: 'us-federal' }],
};

/** The severity table of the current page (the legacy page defines no levels; see `jumpcloud-legacy.severity-levels`). */
const SEVERITIES: readonly SeveritySpec[] = [
  {
    level: 1,
    name: 'Severity 1',
    definition: 'Entire loss of functionality; severe operational impact. Majority of users impacted.',
    clause: current('Severity 1: Entire loss of functionality; severe operational impact. Majority of users impacted.'),
  },
  {
    level: 2,
    name: 'Severity 2',
    definition: 'Major loss of functionality and operations. High user impact.',
    clause: current('Severity 2: Major loss of functionality and operations. High user impact.'),
  },
  {
    level: 3,
    name: 'Severity 3',
    definition: 'Partial, non-critical issue; operations not severely impacted. Low user impact.',
    clause: current('Severity 3: Partial, non-critical issue; operations not severely impacted. Low user impact.'),
  },
];

/**
 * The legacy "JumpCloud Support Policies" page: eligibility, scope and hours, no
 * response-time figures. Shared by the `jumpcloud` policy (as its first version)
 * and the `jumpcloud-legacy` policy.
 */
export const JUMPCLOUD_LEGACY_VERSION: PolicyVersionSpec = {
  id: 'legacy',
  source: LEGACY,
  calendars: { 'jumpcloud-business-hours': JUMPCLOUD_BUSINESS_HOURS },
  severities: SEVERITIES,
  plans: [
    {
      id: 'free',
      name: 'Free account',
      tier: 0,
      contract: ['none', 'lapsed'],
      channels: ['email', 'knowledge-base'],
      coverage: { default: 'jumpcloud-business-hours' },
      targets: { '1': null, '2': null, '3': null },
      clause: legacy(
        'Free Account Customers – Support assistance, Knowledge Base access, and research and analysis of critical defects that affect the customer base are all available to free account customers.',
      ),
    },
    {
      id: 'jumpstart',
      name: 'JumpStart program',
      tier: 0,
      contract: ['trial'],
      channels: ['email', 'knowledge-base'],
      coverage: { default: 'jumpcloud-business-hours' },
      targets: { '1': null, '2': null, '3': null },
      clause: legacy(
        'JumpStart™ Program Participants – We also provide a trial program called JumpStart that is available at no additional cost. This program includes a dedicated support specialist to assist you in setting up quickly.',
      ),
    },
    {
      id: 'standard',
      name: 'Paying customers (full support)',
      tier: 1,
      channels: ['email', 'knowledge-base'],
      coverage: { default: 'jumpcloud-business-hours' },
      targets: { '1': null, '2': null, '3': null },
      clause: legacy(
        'Paying Customers – Our customers who are currently engaged in month-to-month or annual contract billing plans with JumpCloud receive the benefit of full support assistance.',
      ),
    },
  ],
  eligibility: {
    roles: ['administrator'],
    roleClause: legacy('Requests should be submitted by active Administrators associated with your JumpCloud account.'),
    languages: ['en'],
    languageClause: legacy('Support Does Not Include: Support communication in languages other than English'),
  },
  scope: [
    { id: 'end-user', when: { endUser: true }, effect: 'excluded', clause: legacy('Support Does Not Include: End-user support') },
    {
      id: 'free-account-onboarding',
      when: { onboardingForFreeAccount: true },
      effect: 'excluded',
      clause: legacy('Support Does Not Include: Product on-boarding, training, or migration planning for free accounts'),
    },
    { id: 'customization', when: { customization: true }, effect: 'excluded', clause: legacy('Support Does Not Include: Product customizations') },
    {
      id: 'unsupported-protocol',
      when: { unsupportedProtocol: true },
      effect: 'excluded',
      clause: legacy('Support Does Not Include: Resource integration assistance through unsupported protocols, equipment, or software'),
    },
    {
      id: 'professional-services',
      when: { professionalServices: true },
      effect: 'excluded',
      remedy: 'Engage JumpCloud\'s professional services',
      clause: legacy('Support Does Not Include: Professional services or product implementation'),
    },
    {
      id: 'third-party-resource',
      when: { thirdPartyResource: true },
      effect: 'excluded',
      clause: legacy(
        'While our intent is to be helpful, we cannot be responsible for the quality or support assistance of third-party resources or resources which cannot connect to any of JumpCloud’s documented and approved protocols.',
      ),
    },
    {
      id: 'end-of-life-system',
      when: { endOfLifeSystem: true },
      effect: 'excluded',
      remedy: 'Update the system to a release its vendor still supports, then ask again',
      clause: legacy(
        'If your systems are End of Life, unpatched, or otherwise out of date, our policy is to request an update to your systems before we provide support.',
      ),
    },
    {
      id: 'password-change',
      when: { passwordChange: true },
      effect: 'excluded',
      remedy: 'Change or reset the password yourself',
      clause: legacy('No JumpCloud employee has the ability to change your password for you or to change it to something that you tell us to change it to.'),
    },
    {
      id: 'resource-access-grant',
      when: { resourceAccessGrant: true },
      effect: 'excluded',
      remedy: 'Add the individual to the resource yourself; if you are unable to, ask support to find the root cause (treated as a defect)',
      clause: legacy('JumpCloud will not honor any requests for an individual to be added to a resource that your organization controls.'),
    },
    {
      id: 'unverified-account-deletion',
      when: { accountDeletion: true, identityVerified: false },
      effect: 'excluded',
      remedy: 'Verify your identity through JumpCloud\'s authorization checks, then ask again',
      clause: legacy(
        'Deleting your account without proper authorization – We require detailed authorization checks to verify your identity when you wish to delete your account.',
      ),
    },
    {
      id: 'unverified-account-information',
      when: { accountInformation: true, identityVerified: false },
      effect: 'excluded',
      remedy: 'Verify your identity through JumpCloud\'s authorization checks, then ask again',
      clause: legacy(
        'Providing account-related information without proper authorization – We require detailed authorization checks to verify your identity before we grant information related to your account.',
      ),
    },
  ],
  interpretations: [
    {
      id: 'jumpcloud-legacy.undated',
      clause: legacy('This page lays out JumpCloud’s support policies and levels of service.'),
      reading:
        'The page carries no date. As a version it has no effectiveFrom: it is in force for every instant before a later version (in the jumpcloud policy: the current tiers page from 2023-01-01) and forever in the jumpcloud-legacy policy.',
    },
    {
      id: 'jumpcloud-legacy.no-targets',
      clause: legacy(
        'Target response times, along with time to resolution, will vary based on severity, workload across the customer base, the information provided to JumpCloud in narrowing down the issue, and the complexity of the issue.',
      ),
      reading: 'The legacy page publishes no response-time figure for any plan or severity: every target is null (no first-response deadline).',
    },
    {
      id: 'jumpcloud-legacy.severity-levels',
      clause: legacy('JumpCloud support is direct and severity based.'),
      reading:
        'The page says support is severity based but defines no levels. slaclock uses the three levels the current tiers page defines (Severity 1-3, same definitions), so a request is valid under either version. No default severity is published: the request must name one.',
      severities: [1, 2, 3],
    },
    {
      id: 'jumpcloud-legacy.hours',
      clause: HOURS_OF_OPERATION,
      reading:
        'Every legacy plan runs on the calendar jumpcloud-business-hours: Monday-Friday 09:00-17:00 in America/Denver ("Mountain Time (U.S.)" is read as the DST-observing Denver zone, not America/Phoenix), closed on U.S. federal holidays as federal offices observe them (preset us-federal: Saturday holidays on the Friday before, Sunday ones on the Monday after).',
    },
    {
      id: 'jumpcloud-legacy.channels',
      clause: legacy('We offer two ways to contact JumpCloud’s support team: Email ... Knowledge Base: Available to all. No login required.'),
      reading: 'Every legacy plan offers the channels email and knowledge-base (the self-service Knowledge Base, which the current page calls the Help Center).',
    },
    {
      id: 'jumpcloud-legacy.free-account',
      clause: legacy('10 users free forever.'),
      reading:
        'A free account is an account with no paid contract: the free plan is in force when the contract status is none or lapsed (a paying customer whose contract lapsed keeps the free account). The 10-user limit is a product limit, not a support term, and is not modelled. Free accounts get the same clock and channels as paying customers; "research and analysis of critical defects" is read as one of the things offered, not as a limit to critical defects.',
      plans: ['free'],
    },
    {
      id: 'jumpcloud-legacy.jumpstart',
      clause: legacy(
        'JumpStart delivers unlimited users for the duration of the trial to help you test at scale.',
      ),
      reading:
        'JumpStart is a trial plan (contract status trial). The page gives no trial length, so the plan sets no trialDays: it lasts as long as the account is in trial. Its dedicated support specialist is not a separate channel.',
      plans: ['jumpstart'],
    },
    {
      id: 'jumpcloud-legacy.paying-customers',
      clause: legacy(
        'Paying Customers – Our customers who are currently engaged in month-to-month or annual contract billing plans with JumpCloud receive the benefit of full support assistance.',
      ),
      reading: '"Currently engaged" in a month-to-month or annual billing plan = contract status active; a lapsed paying customer falls back to the free plan.',
      plans: ['standard'],
    },
    {
      id: 'jumpcloud-legacy.administrators',
      clause: legacy('Requests should be submitted by active Administrators associated with your JumpCloud account.'),
      reading:
        '"Should" is read as a requirement: only the requester role administrator may open a case (eligibility roles [administrator]); any other role is not eligible.',
    },
    {
      id: 'jumpcloud-legacy.english-only',
      clause: legacy('Support Does Not Include: Support communication in languages other than English'),
      reading: 'Support is given in English only: eligibility languages [en]; a request in another language is not eligible.',
    },
    {
      id: 'jumpcloud-legacy.scope-facts',
      clause: legacy('Support Does Not Include: End-user support; Product on-boarding, training, or migration planning for free accounts; Product customizations; Resource integration assistance through unsupported protocols, equipment, or software; Professional services or product implementation'),
      reading:
        'Each exclusion is a scope rule on one request fact: endUser, onboardingForFreeAccount, customization, unsupportedProtocol, professionalServices (true = excluded, not eligible). Scope rules cannot name a plan, so the free-account on-boarding exclusion is its own fact, which the caller sets only for free accounts.',
    },
    {
      id: 'jumpcloud-legacy.customer-success-services',
      clause: legacy(
        'Product training, implementation, and migration assistance services can also be provided by our Customer Success team. To learn more please contact us at sales@jumpcloud.com',
      ),
      reading:
        'Training, implementation and migration assistance are sold separately by the Customer Success team; as support requests they fall under the professionalServices exclusion.',
    },
    {
      id: 'jumpcloud-legacy.third-party-resources',
      clause: legacy(
        'While our intent is to be helpful, we cannot be responsible for the quality or support assistance of third-party resources or resources which cannot connect to any of JumpCloud’s documented and approved protocols.',
      ),
      reading:
        'A request about a third-party resource itself (fact thirdPartyResource) is excluded; integrating a resource through a supported protocol stays in scope ("Product integration assistance with resources through JumpCloud-supported protocols").',
    },
    {
      id: 'jumpcloud-legacy.end-of-life',
      clause: legacy(
        'If your systems are End of Life, unpatched, or otherwise out of date, our policy is to request an update to your systems before we provide support.',
      ),
      reading:
        'A request about a system that is End of Life, unpatched or otherwise out of date (one fact: endOfLifeSystem) is excluded until the system is updated: not eligible, no deadline.',
    },
    {
      id: 'jumpcloud-legacy.account-security',
      clause: legacy(
        'In pursuit of thwarting identity theft, for your protection, there are specific activities that JumpCloud support personnel will not perform without proper authentication.',
      ),
      reading:
        'Password changes (passwordChange) and adding an individual to a resource (resourceAccessGrant) are never performed: excluded. Account deletion (accountDeletion) and account information (accountInformation) are excluded only while identityVerified is false; once verified they are ordinary requests.',
    },
  ],
};

/** JumpCloud's support policy: the legacy page, then the current tiers page from 2023-01-01 (an interpretation date). */
export const jumpcloud: PolicySpec = {
  id: 'jumpcloud',
  vendor: 'JumpCloud',
  name: 'JumpCloud Support Policies',
  versions: [
    JUMPCLOUD_LEGACY_VERSION,
    {
      id: 'current',
      effectiveFrom: '2023-01-01',
      source: CURRENT,
      calendars: { 'jumpcloud-business-hours': JUMPCLOUD_BUSINESS_HOURS },
      severities: SEVERITIES,
      plans: [
        {
          id: 'free-trial',
          name: '30-Day Free Trial',
          tier: 0,
          contract: ['trial'],
          trialDays: 30,
          channels: ['help-center', 'email', 'chat'],
          coverage: { default: 'round-the-clock' },
          targets: { '1': null, '2': null, '3': null },
          clause: current('24×7 Support, including email and chat support, is available for free account signups for 30 days.'),
        },
        {
          id: 'standard',
          name: 'Standard',
          tier: 1,
          channels: ['help-center', 'email'],
          coverage: { default: 'jumpcloud-business-hours' },
          targets: {
            '1': { duration: 'PT4H', clause: current('First Response Time SLA (Standard): Severity 1 4 hours') },
            '2': { duration: 'PT8H', clause: current('First Response Time SLA (Standard): Severity 2 8 hours') },
            '3': { businessDays: 1, rule: 'end-of-day', clause: current('First Response Time SLA (Standard): Severity 3 Next business day') },
          },
          clause: current(
            'Standard Support is available to all customers and partners on a paid plan. In addition to our Help Center, they are entitled to email support and JumpCloud business hours response times.',
          ),
        },
        {
          id: 'premium',
          name: 'Premium',
          tier: 2,
          channels: ['help-center', 'email', 'chat', 'phone'],
          coverage: { default: 'round-the-clock' },
          targets: {
            '1': { duration: 'PT1H', clause: current('First Response Time SLA (Premium): Severity 1 1 hour') },
            '2': { duration: 'PT2H', clause: current('First Response Time SLA (Premium): Severity 2 2 hours') },
            '3': { duration: 'PT4H', clause: current('First Response Time SLA (Premium): Severity 3 4 hours') },
          },
          clause: current(
            'Premium Support is available for customers and partners on a paid plan and grants 24x7x365 access to JumpCloud customer support via phone, email, or chat.',
          ),
        },
      ],
      interpretations: [
        {
          id: 'jumpcloud.current-effective-date',
          clause: current('JumpCloud Customer Support Tiers'),
          reading:
            'Neither page is dated. slaclock takes the current tiers page to be in force from 2023-01-01 at midnight in Denver (the policy\'s zone, that of its business-hours calendar) and the legacy page before that. The date is a convention of this catalog, not a published figure, so the choice is explicit and safe: a request may pin a version (request.version), and a plan only the current page defines (free-trial, premium) asked about before that date is decided under the current page with a plan_not_in_version note, never an exception.',
        },
        {
          id: 'jumpcloud.standard-business-hours',
          clause: current('Standard: Weekday Business Hours Only'),
          reading:
            'The current page names no hours. Standard runs on the calendar jumpcloud-business-hours, read from the legacy page: "Monday through Friday – 9am to 5pm Mountain Time (U.S.)", i.e. Monday-Friday 09:00-17:00 America/Denver (the DST-observing Mountain zone, not America/Phoenix).',
          plans: ['standard'],
        },
        {
          id: 'jumpcloud.regional-holidays',
          clause: current('Email Support: Regional Holidays Excluded'),
          reading:
            '"Regional Holidays" has two readings. (a) The built-in one: the legacy page\'s "U.S. Federal holidays excluded", i.e. U.S. federal holidays as federal offices observe them (preset us-federal; a Saturday holiday closes the Friday before, a Sunday one the Monday after), on Denver business hours: a Berlin customer\'s Monday 10:00 severity 1 is due at 21:00 Berlin time (Denver opens at 17:00 Berlin time, + 4 hours). (b) The customer\'s region: business hours and public holidays where the customer is, chosen with one call, withContract(getPolicy(\'jumpcloud\'), { clause, plans: { standard: { coverage: { default: \'customer\' } } } }) and a customer calendar on the request (the same Berlin case is then due at 14:00 Berlin time on Berlin hours 09:00-17:00). The built-in keeps (a) because the only hours the pages publish are Mountain Time.',
          plans: ['standard'],
        },
        {
          id: 'jumpcloud.always-free',
          clause: current('24×7 Support, including email and chat support, is available for free account signups for 30 days. The JumpCloud is always free.'),
          reading:
            'The garbled "The JumpCloud is always free" is read as the product\'s free tier (the legacy page\'s free account), not as free support: support without a paid plan is the 30-day free trial only; after it the current page publishes no support terms for a free account.',
        },
        {
          id: 'jumpcloud.resource-access-defect',
          clause: current('If for some reason you are unable to do that on your own, we will work with you to find the root cause of the issue and will treat the issue as a defect.'),
          reading:
            'Adding an individual to a resource (fact resourceAccessGrant) is excluded; being unable to add them yourself is an ordinary defect case (do not set the fact), which the exclusion\'s remedy says.',
        },
        {
          id: 'jumpcloud.standard-hours-are-business-hours',
          clause: current('they are entitled to email support and JumpCloud business hours response times.'),
          reading:
            'Standard\'s "4 hours" and "8 hours" are hours of open time on JumpCloud business hours (not elapsed hours): the clock stops at 17:00, over weekends and on federal holidays. "8 hours" is therefore one full business day of open time.',
          plans: ['standard'],
          severities: [1, 2],
        },
        {
          id: 'jumpcloud.next-business-day',
          clause: current('First Response Time SLA (Standard): Severity 3 Next business day'),
          reading:
            '"Next business day" = by the end (17:00 Mountain Time) of the first business day after the day of the request: addBusinessDays(1, rule end-of-day). A request on a weekend or holiday counts the next open weekday as that business day. (One Identity\'s "Within 1 Business Day" is read the same way: one-identity.within-1-business-day.)',
          plans: ['standard'],
          severities: [3],
        },
        {
          id: 'jumpcloud.premium-24x7x365',
          clause: current('Premium Services: Support: 24x7x365'),
          reading: 'Premium runs round the clock, holidays included: its 1, 2 and 4 hours are elapsed hours (a DST change does not stretch or shrink them).',
          plans: ['premium'],
        },
        {
          id: 'jumpcloud.free-trial-no-targets',
          clause: current('Support Method and Time: 24x7, for full 30-day trial'),
          reading:
            'The free trial is supported 24x7 (clock round-the-clock) but the First Response Time SLA rows list figures for Standard and Premium only: every free-trial target is null (eligible, no deadline).',
          plans: ['free-trial'],
        },
        {
          id: 'jumpcloud.free-trial-30-days',
          clause: current('JumpCloud offers 30 days of support free during a trial. After 30 days, customers or partners interested in purchasing JumpCloud can enter a sales cycle through our sales team.'),
          reading:
            'The trial plan is in force while the account\'s contract status is trial, for 30 days from the account\'s trial start (the signup). From day 31 there is no support under the trial: not eligible.',
          plans: ['free-trial'],
        },
        {
          id: 'jumpcloud.paid-plan',
          clause: current('Premium Support: Included in Platform Prime Package OR $2/user/mo'),
          reading:
            '"On a paid plan" = contract status active (the default contract rule). Premium is a plan the account holds, bought with the Platform Prime package or at $2 per user per month; the price is not a support term and Premium is not modelled as an add-on requiring Standard.',
          plans: ['standard', 'premium'],
        },
        {
          id: 'jumpcloud.features-not-channels',
          clause: current('Premium: Early Access checkmark; Priority Access checkmark'),
          reading: 'Early Access and Priority Access are features of Premium, not ways to contact support: they are not channels.',
          plans: ['premium'],
        },
        {
          id: 'jumpcloud.chat-in-app',
          clause: current('Get started with 24x7 in-app support for full 30-day trial'),
          reading: 'The trial\'s and Premium\'s "Chat" is the in-app chat: channel chat.',
          plans: ['free-trial', 'premium'],
        },
        {
          id: 'jumpcloud.no-default-severity',
          clause: current('First Response Time SLA: Severity 1 / Severity 2 / Severity 3'),
          reading: 'The page publishes no default severity: a request must name one of 1-3.',
        },
        {
          id: 'jumpcloud.current-scope',
          clause: current('Standard Support: Our customers and partners who are currently engaged in month-to-month or annual contract billing plans with JumpCloud receive the benefit of JumpCloud’s support assistance. Read detailed support terms here.'),
          reading:
            'The current page publishes no role, language or scope restriction; its "detailed support terms" are on another page the seeds do not include. The legacy page\'s restrictions (administrators only, English only, "Support Does Not Include") are not carried into this version: only the security rules the current page repeats are.',
        },
        {
          id: 'jumpcloud.account-security',
          clause: current(
            'In pursuit of thwarting identity theft, for your protection, there are specific activities that JumpCloud support personnel doesn’t perform without proper authentication.',
          ),
          reading:
            'As on the legacy page: password changes (passwordChange) and adding an individual to a resource (resourceAccessGrant) are excluded; account deletion (accountDeletion) and account information (accountInformation) are excluded while identityVerified is false.',
        },
      ],
      scope: [
        {
          id: 'password-change',
          when: { passwordChange: true },
          effect: 'excluded',
          remedy: 'Change or reset the password yourself',
          clause: current('No JumpCloud employee has the ability to change your password for you or to change it to something that you tell us to change it to.'),
        },
        {
          id: 'resource-access-grant',
          when: { resourceAccessGrant: true },
          effect: 'excluded',
          remedy: 'Add the individual to the resource yourself; if you are unable to, ask support to find the root cause (treated as a defect)',
          clause: current('JumpCloud will not honor any requests for an individual to be added to a resource that your organization controls.'),
        },
        {
          id: 'unverified-account-deletion',
          when: { accountDeletion: true, identityVerified: false },
          effect: 'excluded',
          remedy: 'Verify your identity through JumpCloud\'s authorization checks, then ask again',
          clause: current('We require detailed authorization checks to verify your identity when you wish to delete your account.'),
        },
        {
          id: 'unverified-account-information',
          when: { accountInformation: true, identityVerified: false },
          effect: 'excluded',
          remedy: 'Verify your identity through JumpCloud\'s authorization checks, then ask again',
          clause: current('We require detailed authorization checks to verify your identity before we grant information related to your account.'),
        },
      ],
    },
  ],
};

/** The legacy JumpCloud page alone, in force at every instant. */
export const jumpcloudLegacy: PolicySpec = {
  id: 'jumpcloud-legacy',
  vendor: 'JumpCloud',
  name: 'JumpCloud Support Policies (legacy page)',
  versions: [JUMPCLOUD_LEGACY_VERSION],
};
