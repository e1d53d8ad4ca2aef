import type { Clause, PolicySpec, ResponseTarget } from '../policy/types.js';

const GUIDE = 'Guide to One Identity Support';
const guide = /* @__NO_SIDE_EFFECTS__ */ (text: string): Clause => ({ source: GUIDE, text });

const cell = /* @__NO_SIDE_EFFECTS__ */ (level: number, program: string, figure: string): Clause =>
  guide(`Severity Level ${level}: Initial Response ${program} Support: ${figure}`);

const hours = /* @__NO_SIDE_EFFECTS__ */ (level: number, program: string, figure: string, duration: string): ResponseTarget => ({
  duration,
  clause: cell(level, program, figure),
});

const oneBusinessDay = /* @__NO_SIDE_EFFECTS__ */ (program: string): ResponseTarget => ({
  businessDays: 1,
  rule: 'end-of-day',
  clause: cell(4, program, 'Within 1 Business Day'),
});

const PAID_CHANNELS = ['portal', 'phone', 'chat', 'community'] as const;

/** One Identity's support guide: Standard, 24x7 and Premier support programs, trials, customizations and preview features. */
export const oneIdentity: PolicySpec = {
  id: 'one-identity',
  vendor: 'One Identity',
  name: 'Guide to One Identity Support',
  versions: [
    {
      id: 'support-guide',
      source: GUIDE,
      severities: [
        {
          level: 1,
          name: 'Critical business impact',
          definition:
            "Customer's production use of products on a primary business service, major application or mission-critical system is stopped or so severely impacted that the customer cannot reasonably continue work.",
          requiredChannel: 'phone',
          clause: guide('Note: Severity Level 1 issues must be reported via telephone.'),
        },
        {
          level: 2,
          name: 'Significant Business Impact',
          definition:
            "Important product features are unavailable with no acceptable workaround. Customer's implementation or production use of Quest's products in a primary business service, major applications or mission critical systems are functioning with limited capabilities or are unstable with periodic interruptions. The software may be operating but is severely restricted.",
          clause: guide('Level 2 Significant Business Impact: Important product features are unavailable with no acceptable workaround.'),
        },
        {
          level: 3,
          name: 'Minimal Business Impact',
          definition:
            "Product features are unavailable but a workaround exists and the majority of software functions are still usable. Minor function/feature failure that the customer can easily circumvent or avoid. Customer's work has minor loss of operational functionality.",
          clause: guide('Level 3 is the default severity level setting.'),
        },
        {
          level: 4,
          name: 'Nominal Business Impact',
          definition:
            'A minor problem or question that does not affect the software function. For example, a request for information on how to use a particular feature, a general question or requests for documentation or enhancements.',
          clause: guide('Severity Level 4 problems could have the following characteristics: General requests for advice on product usage; Clarification on product documentation or release notes; Product enhancement request'),
        },
      ],
      defaultSeverity: 3,
      plans: [
        {
          id: 'trial',
          name: 'Trial',
          tier: 0,
          contract: ['trial'],
          trialDays: 30,
          channels: ['portal', 'phone', 'community'],
          coverage: { default: 'customer' },
          targets: { '1': null, '2': null, '3': null, '4': null },
          clause: guide(
            'Support for trial users is limited to 30 days from the registration date. Cases for your trial software may only be submitted during the first 30 days of your testing period.',
          ),
        },
        {
          id: 'standard',
          name: 'Standard Support',
          tier: 1,
          channels: PAID_CHANNELS,
          coverage: { default: 'customer' },
          targets: {
            '1': hours(1, 'Standard', 'Within 1 hour', 'PT1H'),
            '2': hours(2, 'Standard', 'Within 2 hours', 'PT2H'),
            '3': hours(3, 'Standard', 'Within 4 hours', 'PT4H'),
            '4': oneBusinessDay('Standard'),
          },
          clause: guide('Standard Support available during local business hours'),
        },
        {
          id: '24x7',
          name: '24x7 Support',
          tier: 2,
          channels: PAID_CHANNELS,
          coverage: { default: 'customer', bySeverity: { '1': 'round-the-clock' } },
          targets: {
            '1': hours(1, '24x7', 'Within 1 hour', 'PT1H'),
            '2': hours(2, '24x7', 'Within 2 hours', 'PT2H'),
            '3': hours(3, '24x7', 'Within 4 hours', 'PT4H'),
            '4': oneBusinessDay('24x7'),
          },
          clause: guide('24x7 Support for severity level 1 issues only'),
        },
        {
          id: 'premier',
          name: 'Premier Support',
          tier: 3,
          requiresAnyOf: ['standard', '24x7'],
          channels: PAID_CHANNELS,
          coverage: { default: 'base-plan' },
          targets: {
            '1': hours(1, 'Premier', 'Within 1/2 hour', 'PT30M'),
            '2': hours(2, 'Premier', 'Within 1 hour', 'PT1H'),
            '3': hours(3, 'Premier', 'Within 2 hours', 'PT2H'),
            '4': hours(4, 'Premier', 'Within 4 hours', 'PT4H'),
          },
          clause: guide('Premier Support available with an active Standard or 24x7 Support contract'),
        },
      ],
      eligibility: {
        languages: ['en'],
        languageClause: guide('Support is provided in English with local language accommodated when possible.'),
        otherLanguages: 'accommodated',
      },
      scope: [
        {
          id: 'customization',
          when: { customization: true },
          effect: 'excluded',
          clause: guide(
            'We do not perform or maintain customizations. The design and development of customizations to our products is your responsibility.',
          ),
        },
        {
          id: 'preview-feature-severity',
          when: { previewFeature: true },
          effect: 'severity',
          severity: 3,
          clause: guide('Consider all service requests relating to a Preview Features as severity level 3'),
        },
        {
          id: 'preview-feature-hours',
          when: { previewFeature: true },
          effect: 'business-hours-only',
          clock: 'customer',
          clause: guide('Not provide after-hours support for Preview Features'),
        },
        {
          id: 'discontinued-version-upgrade',
          when: { discontinuedVersion: true, upgradeQuestion: true },
          effect: 'note',
          remedy: 'A detailed upgrade plan may need One Identity Professional Services',
          clause: guide('Support is here to assist with general upgrade questions, however, should a detailed upgrade plan be necessary, engagement by our Professional Services division may be required.'),
        },
        {
          id: 'discontinued-version',
          // Any question about a discontinued version except an upgrade question (an absent upgradeQuestion is "no").
          when: { all: [{ fact: 'discontinuedVersion', equals: true }, { any: [{ fact: 'upgradeQuestion', exists: false }, { fact: 'upgradeQuestion', equals: false }] }] },
          effect: 'best-effort',
          remedy: 'Upgrade to the currently supported version of the product',
          clause: guide(
            'We will attempt to answer questions on older versions of our products provided resources are available; however, if you are using a discontinued version, we encourage you to upgrade to the currently supported version of the product.',
          ),
        },
        {
          id: 'reopen-after-30-days',
          // A reopened case whose close date is more than 30 days before the request (an absent closedAt is unknown).
          when: { all: [{ fact: 'reopen', equals: true }, { not: { fact: 'closedAt', within: { days: 30 } } }] },
          effect: 'note',
          remedy: 'A new case is created with a link to the original case',
          clause: guide('You can now re-open Cases that have been closed within 30 days of the close date. If you attempt to re-open a closed case after 30 days, a new case will be created with a link to the original case.'),
        },
        {
          id: 'third-party-software',
          when: { thirdPartySoftware: true },
          effect: 'excluded',
          clause: guide('Please note that while we do not directly or officially support third-party software, we work closely with many other providers to ensure our customers receive the best possible service at all times.'),
        },
      ],
      tickets: { reopenWindow: { days: 30, clause: guide('You can now re-open Cases that have been closed within 30 days of the close date. If you attempt to re-open a closed case after 30 days, a new case will be created with a link to the original case.') } },
      interpretations: [
        {
          id: 'one-identity.ticket-reopen',
          clause: guide('You can now re-open Cases that have been closed within 30 days of the close date. If you attempt to re-open a closed case after 30 days, a new case will be created with a link to the original case.'),
          reading:
            'Ticket timers (tickets.reopenWindow, 30 days): the window of one-identity.reopen-window, counted from the local date the ticket was resolved or closed, whichever came first (the guide says "closed"; a helpdesk usually resolves first). Reopened within it, the case resumes: its resolution clock continues, the time between not counted. Reopened later, it is tracked as a new case opened at the reopening ("a new case will be created"), every target starting again, with a note.',
        },
        {
          id: 'one-identity.undated',
          clause: guide('One Identity Support Policies'),
          reading: 'The guide carries no date: its single version has no effectiveFrom and is in force at every instant.',
        },
        {
          id: 'one-identity.local-business-hours',
          clause: guide('Standard Support available during local business hours'),
          reading:
            'The guide publishes no hours: "local business hours" are the customer\'s own. The clock customer is the calendar the request supplies (its zone, weekly hours and holidays); without one there is no deadline to compute.',
          plans: ['standard', '24x7', 'premier', 'trial'],
        },
        {
          id: 'one-identity.hours-are-business-hours',
          clause: guide('Within 1 hour / Within 2 hours / Within 4 hours'),
          reading:
            'On the customer clock, "Within N hours" counts N hours of the customer\'s open business time (the clock stops outside local business hours and on local holidays), not elapsed hours.',
          plans: ['standard', '24x7', 'premier'],
        },
        {
          id: 'one-identity.24x7-severity-1-only',
          clause: guide('24x7 Support for severity level 1 issues only'),
          reading:
            '24x7 Support runs round the clock for severity 1 only (its "Within 1 hour" is an elapsed hour, nights, weekends and holidays included); severities 2-4 run on the customer\'s local business hours exactly as Standard.',
          plans: ['24x7'],
        },
        {
          id: 'one-identity.premier-base-plan',
          clause: guide('Premier Support available with an active Standard or 24x7 Support contract'),
          reading:
            'Premier is an add-on: the account must also hold standard or 24x7 (requiresAnyOf), and without one the request is not eligible. Premier publishes no hours of its own, so its targets run on the clock of the contract it is added to (coverage base-plan): its half hour for severity 1 is round the clock only on top of 24x7, business hours on top of Standard. An account holding both gets the 24x7 clock (the higher base plan); when the account\'s plans are not given, Standard (listed first) is assumed: the smaller commitment.',
          plans: ['premier'],
        },
        {
          id: 'one-identity.within-1-business-day',
          clause: guide('Severity Level 4: Initial Response Standard Support: Within 1 Business Day; Initial Response 24x7 Support: Within 1 Business Day'),
          reading:
            '"Within 1 Business Day" = by the end of the first business day after the day of the request, on the customer calendar (addBusinessDays(1, rule end-of-day)): the same reading as JumpCloud\'s "Next business day". The other reading, the same local time on the next business day (rule same-time), was rejected: for a request on a weekend or holiday it falls due at the next opening (Saturday 10:00 -> Monday 10:00), sooner than Premier\'s "Within 4 hours" (Monday 13:00), and the guide sells Premier as the faster program. The tier-order property in test/policyProperties.test.ts found the inversion.',
          plans: ['standard', '24x7'],
          severities: [4],
        },
        {
          id: 'one-identity.begin-work',
          clause: guide(
            'For Severity Level 1 problems, we will begin work on the problem within one hour of notification and handle as the highest priority until the customer is given a fix or workaround.',
          ),
          reading:
            'The "Initial Response" figures are first-response targets; "begin work ... within one hour of notification" restates the 1-hour severity 1 figure of Standard and 24x7 (Premier\'s is half an hour). Notification is the request instant.',
          severities: [1],
        },
        {
          id: 'one-identity.severity-1-by-phone',
          clause: guide('Note: Severity Level 1 issues must be reported via telephone.'),
          reading:
            'Severity 1 has required channel phone: a decision names phone as the required channel, and the clock starts at the call. Other severities may use any channel of the plan.',
          severities: [1],
        },
        {
          id: 'one-identity.customer-sets-severity',
          clause: guide(
            'You determine the initial severity level when placing a request for assistance. Severity levels may be changed after initial contact and assessment of the issue from Support Engineer, provided that you are in agreement.',
          ),
          reading:
            'The request\'s severity is taken as given (3 when omitted: "Level 3 is the default severity level setting"). A later agreed change is a new evaluation at the new severity; slaclock does not model re-grading.',
        },
        {
          id: 'one-identity.english',
          clause: guide('Support is provided in English with local language accommodated when possible.'),
          reading:
            'Support is given in English (eligibility languages [en]); a request in another language is eligible (otherLanguages: accommodated) and answered in English, with a language_accommodated note: "local language accommodated when possible" is a courtesy the decision mentions, not a commitment to answer in that language, and never a reason to refuse the case.',
        },
        {
          id: 'one-identity.channels',
          clause: guide(
            'For the fastest response, log your case through the Case creation tool. Requests for technical assistance can also be created via phone to the Support Center in your region using the numbers listed on the Contact Support page.',
          ),
          reading:
            'Channels: portal (the online Case creation tool), phone, community ("real time assistance on social channels and community forums") and, for contract holders, chat (the Support Portal\'s "chat functionality", which "Lapsed Support" says is lost without a current contract). The trial plan has no chat.',
        },
        {
          id: 'one-identity.lapsed',
          clause: guide(
            'Without a current support contract, you will not be able to contact One Identity for technical assistance or access many services on the Support Portal like the Knowledge Base or chat functionality.',
          ),
          reading: 'Standard, 24x7 and Premier are in force only while the contract is active; a lapsed contract (or none) is not eligible and gets no deadline.',
          plans: ['standard', '24x7', 'premier'],
        },
        {
          id: 'one-identity.trial',
          clause: guide('Support for trial users is limited to 30 days from the registration date. Cases for your trial software may only be submitted during the first 30 days of your testing period.'),
          reading:
            'Trial users have a plan trial (contract status trial) lasting 30 days from the account\'s trial start (the registration date). The severity table names only Standard, 24x7 and Premier, so every trial target is null: eligible within the 30 days, no deadline; not eligible afterwards. The trial runs on the customer clock.',
          plans: ['trial'],
        },
        {
          id: 'one-identity.customizations',
          clause: guide(
            "Assistance from support will be limited to helping ensure that the product's functionality which enables the addition of customizations is functioning as expected.",
          ),
          reading:
            'A request about a customization itself (fact customization: its design, development or maintenance) is excluded; a request that the product\'s customization features work is an ordinary request (do not set the fact).',
        },
        {
          id: 'one-identity.preview-features',
          clause: guide('The Support team will: ... Consider all service requests relating to a Preview Features as severity level 3 ... Not accept requests for escalations regarding Preview Features ... Not provide after-hours support for Preview Features'),
          reading:
            'A request about a Preview Feature (fact previewFeature) is handled at severity 3 whatever severity was asked, and on the customer\'s business hours (no after-hours clock). "Best effort" and "no escalations" do not change the first-response target and are not modelled.',
          severities: [3],
        },
        {
          id: 'one-identity.discontinued-versions',
          clause: guide(
            'We will attempt to answer questions on older versions of our products provided resources are available; however, if you are using a discontinued version, we encourage you to upgrade to the currently supported version of the product.',
          ),
          reading:
            'A request about a retired or discontinued version (fact discontinuedVersion) is taken ("We will attempt to answer questions on older versions") but carries no commitment ("Support is not obligated to provide assistance on this version"): eligible, best effort (every target null), with the remedy to upgrade. An upgrade question about it (fact upgradeQuestion: true) is ordinary support ("Support is here to assist with general upgrade questions") with a note that a detailed upgrade plan may need Professional Services; upgradeQuestion left out counts as "no". Versions in Full Support (current n and prior n-1) and Limited Support are supported as usual.',
        },
        {
          id: 'one-identity.premier-on-standard',
          clause: guide('Premier Support available with an active Standard or 24x7 Support contract'),
          reading:
            'Premier added to Standard answers a Saturday severity 1 within half an hour of Standard\'s business hours (Monday 08:30 for a customer opening at 08:00), while 24x7 alone answers within one elapsed hour (Saturday 04:00 for a case at 03:00). This is not a tier inversion between accounts: Premier never upgrades Standard\'s clock (the guide sells round-the-clock severity 1 only as 24x7), and an account holding Premier on Standard does not hold 24x7. Tiers are compared as accounts hold them: Premier on Standard against Standard, Premier on 24x7 against 24x7 (test/policyProperties.test.ts). This interpretation is listed in every Premier severity 1 decision to flag the slower night and weekend clock.',
          plans: ['premier'],
          severities: [1],
        },
        {
          id: 'one-identity.support-vs-license-users',
          clause: guide('The administrator can add or remove Support Users and License Users to the group. A Support User can submit Service Requests, download new software releases and view asset information. License Users can obtain license keys via self-service or by contacting our license assistance administration.'),
          reading:
            'Only Support Users (and the Customer Service Administrator) submit Service Requests; a License User obtains license keys. The guide sets no role restriction on the eligibility of a case, so slaclock lists no roles: a caller who tracks the requester\'s group role checks it before evaluate.',
        },
        {
          id: 'one-identity.customer-resources',
          clause: guide('Customer resources must be made available in Severity Level 1 situations and reasonably cooperate to help resolve the issue.'),
          reading: 'A duty of the customer while a severity 1 case is worked, not a condition of eligibility or of the first response: it changes no decision. A ticket timer may pause resolution while the case waits on the customer (the waiting-on-customer status).',
          severities: [1],
        },
        {
          id: 'one-identity.license-number',
          clause: guide('When contacting support or registering your product for support on the support portal, you will need to provide either your License Number (preferred) or your Account ID.'),
          reading: 'Identification, not eligibility: a request without a License Number or Account ID is still decided (the caller identifies the account); slaclock reads no fact for it.',
        },
        {
          id: 'one-identity.reopen-window',
          clause: guide('You can now re-open Cases that have been closed within 30 days of the close date. If you attempt to re-open a closed case after 30 days, a new case will be created with a link to the original case.'),
          reading:
            'A reopen window of 30 calendar days after the close date, in the customer\'s zone (the whole 30th day included): rule reopen-after-30-days reads facts reopen and closedAt (an instant); a reopen after the window is decided as a new case, with a note naming the link to the original. Within the window no rule fires: the case is resumed.',
        },
        {
          id: 'one-identity.licensing-replies',
          clause: guide('If you have questions regarding licensing of a product please complete the form available on the Licensing Assistance page. A Licensing Representative will respond to your query within 24 hours.'),
          reading: 'Licensing queries go through a form, not a support case: the 24 hours (elapsed) are a commitment of the licensing desk, outside the support programs\' severity table, and not a target of any plan.',
        },
        {
          id: 'one-identity.third-party-software',
          clause: guide('Please note that while we do not directly or officially support third-party software, we work closely with many other providers to ensure our customers receive the best possible service at all times.'),
          reading:
            'A request about third-party software itself (fact thirdPartySoftware) is excluded; a One Identity product running on a certified third-party platform is in scope.',
        },
        {
          id: 'one-identity.enhancement-requests',
          clause: guide('Severity Level 4 problems could have the following characteristics: ... Product enhancement request'),
          reading: 'Product enhancement requests are ordinary severity 4 cases: no scope rule.',
          severities: [4],
        },
        {
          id: 'one-identity.licensing-24-hours',
          clause: guide('If you have questions regarding licensing of a product please complete the form available on the Licensing Assistance page. A Licensing Representative will respond to your query within 24 hours.'),
          reading:
            'The 24-hour licensing reply is a Customer Service commitment for the licensing form, not a support-case first-response target: it is not a plan or target here.',
        },
        {
          id: 'one-identity.reopen-30-days',
          clause: guide('You can now re-open Cases that have been closed within 30 days of the close date.'),
          reading: 'Re-opening a case does not change its targets: the window is rule reopen-after-30-days (see one-identity.reopen-window), not a target.',
        },
        {
          id: 'one-identity.download-cutoff',
          clause: guide('Software released prior to November 1, 2016 may not be available for download.'),
          reading: 'A download-availability note, not a support term: not modelled.',
        },
        {
          id: 'one-identity.virtualization',
          clause: guide(
            'for all casework received where the One Identity product is being used in a virtual environment, we will assume that the problem is common to both native and virtual operating environments',
          ),
          reading: 'Virtualized deployments are supported like native ones: no scope rule.',
        },
      ],
    },
  ],
};
