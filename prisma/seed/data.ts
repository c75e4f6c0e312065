// Demo data: nine real U.S. mine projects and their public permitting record, plus demo accounts.
// Every fact comes from /work/shared/docs/domain.md §1.5 and §2 and carries the source it cites.
// Where the source gives only a month or a year, the date is the first day of that month or year
// and `datePrecision` says so; where it gives no date, the date is null and the note says why.
// Pure data: no Prisma calls (prisma/seed/seed.ts writes it).
import type {
  DateChangeReason,
  DatePrecision,
  Jurisdiction,
  LandStatus,
  OrganizationKind,
  OrgRole,
  ProjectStatus,
  ReviewTrack,
  StatutoryRole,
  TransitionKind,
} from "@prisma/client";

/** A calendar date from the public record, as a Date at UTC midnight (how `@db.Date` stores it). */
function day(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** "Today" for the demo record: statuses and notes are written as of this date. */
export const RECORD_AS_OF = day("2026-11-25");

// ───────────── Organizations ─────────────

export type SeedOrganization = {
  slug: string;
  name: string;
  kind: OrganizationKind;
  /** Agencies only. */
  jurisdiction?: Jurisdiction;
  /** Agencies only: comment deadlines are local to this IANA zone. */
  timeZone?: string;
  website?: string;
};

export const ORGANIZATIONS: SeedOrganization[] = [
  // Companies (project sponsors).
  { slug: "lithium-nevada-corp", name: "Lithium Nevada Corp.", kind: "COMPANY" },
  { slug: "perpetua-resources", name: "Perpetua Resources", kind: "COMPANY", website: "https://perpetuaresources.com" },
  {
    slug: "resolution-copper-mining",
    name: "Resolution Copper Mining LLC",
    kind: "COMPANY",
    website: "https://www.resolutioncopper.com",
  },
  { slug: "ioneer-rhyolite-ridge", name: "Ioneer Rhyolite Ridge LLC", kind: "COMPANY" },
  { slug: "south32-hermosa", name: "South32 Hermosa Inc.", kind: "COMPANY" },
  { slug: "newrange-copper-nickel", name: "NewRange Copper Nickel (formerly PolyMet)", kind: "COMPANY" },
  { slug: "hitech-minerals", name: "HiTech Minerals Inc.", kind: "COMPANY" },
  { slug: "american-battery-technology", name: "American Battery Technology Company", kind: "COMPANY" },
  { slug: "albemarle", name: "Albemarle", kind: "COMPANY" },

  // Agencies. The BLM Nevada field offices and districts named in §2 (Humboldt River FO,
  // Battle Mountain District, Tonopah FO) are grouped as one organization so a single demo
  // regulator leads Thacker Pass, Rhyolite Ridge, Tonopah Flats and Silver Peak.
  {
    slug: "blm-nevada",
    name: "Bureau of Land Management, Nevada",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Los_Angeles",
  },
  {
    slug: "blm-vale-district",
    name: "Bureau of Land Management, Vale District",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Boise",
  },
  {
    slug: "usfs-payette-nf",
    name: "U.S. Forest Service, Payette National Forest",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Boise",
  },
  {
    slug: "usfs-boise-nf",
    name: "U.S. Forest Service, Boise National Forest",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Boise",
  },
  {
    slug: "usfs-tonto-nf",
    name: "U.S. Forest Service, Tonto National Forest",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Phoenix",
  },
  {
    slug: "usfs-coronado-nf",
    name: "U.S. Forest Service, Coronado National Forest",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Phoenix",
  },
  {
    slug: "usfs-superior-nf",
    name: "U.S. Forest Service, Superior National Forest",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Chicago",
  },
  {
    slug: "usace-st-paul-district",
    name: "U.S. Army Corps of Engineers, St. Paul District",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Chicago",
  },
  {
    // Idaho lies in the Walla Walla District, whose office is in Washington State.
    slug: "usace-walla-walla-district",
    name: "U.S. Army Corps of Engineers, Walla Walla District",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/Los_Angeles",
  },
  {
    slug: "mn-dnr",
    name: "Minnesota Department of Natural Resources",
    kind: "AGENCY",
    jurisdiction: "STATE",
    timeZone: "America/Chicago",
  },
  {
    slug: "ndep",
    name: "Nevada Division of Environmental Protection",
    kind: "AGENCY",
    jurisdiction: "STATE",
    timeZone: "America/Los_Angeles",
  },
  // National agencies: their headquarters' zone (they lead none of the demo projects).
  {
    slug: "usfws",
    name: "U.S. Fish and Wildlife Service",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/New_York",
  },
  {
    slug: "epa",
    name: "U.S. Environmental Protection Agency",
    kind: "AGENCY",
    jurisdiction: "FEDERAL",
    timeZone: "America/New_York",
  },
  {
    slug: "bois-forte-band",
    name: "Bois Forte Band of Chippewa",
    kind: "AGENCY",
    jurisdiction: "TRIBAL",
    timeZone: "America/Chicago",
  },
  {
    slug: "fond-du-lac-band",
    name: "Fond du Lac Band of Lake Superior Chippewa",
    kind: "AGENCY",
    jurisdiction: "TRIBAL",
    timeZone: "America/Chicago",
  },
  {
    slug: "grand-portage-band",
    name: "Grand Portage Band of Lake Superior Chippewa",
    kind: "AGENCY",
    jurisdiction: "TRIBAL",
    timeZone: "America/Chicago",
  },

  // Fictional, so that no demo person is presented as a member of a real NGO.
  { slug: "sagebrush-watch-demo", name: "Sagebrush Watch (demo)", kind: "NGO" },
];

// ───────────── Demo accounts ─────────────

export const DEMO_PASSWORD = "lodestone-demo";
/** How long ago the demo accounts were made and confirmed (they act as settled accounts). */
export const DEMO_ACCOUNT_AGE_DAYS = 30;

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  /** What the account demonstrates, for the README and the login page hint. */
  roleLabel: string;
  isAdmin: boolean;
  timeZone: string;
  membership: { organizationSlug: string; role: OrgRole } | null;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "admin@lodestone.test",
    password: DEMO_PASSWORD,
    name: "Demo Admin",
    roleLabel: "Site administrator",
    isAdmin: true,
    timeZone: "America/Denver",
    membership: null,
  },
  {
    email: "company@lodestone.test",
    password: DEMO_PASSWORD,
    name: "Demo Company User",
    roleLabel: "Company (owner of Lithium Nevada Corp.)",
    isAdmin: false,
    timeZone: "America/Los_Angeles",
    membership: { organizationSlug: "lithium-nevada-corp", role: "OWNER" },
  },
  {
    email: "regulator@lodestone.test",
    password: DEMO_PASSWORD,
    name: "Demo Regulator",
    roleLabel: "Regulator (Bureau of Land Management, Nevada)",
    isAdmin: false,
    timeZone: "America/Los_Angeles",
    membership: { organizationSlug: "blm-nevada", role: "MEMBER" },
  },
  {
    email: "ngo@lodestone.test",
    password: DEMO_PASSWORD,
    name: "Demo NGO Analyst",
    roleLabel: "NGO analyst (Sagebrush Watch (demo))",
    isAdmin: false,
    timeZone: "America/Denver",
    membership: { organizationSlug: "sagebrush-watch-demo", role: "MEMBER" },
  },
  {
    email: "community@lodestone.test",
    password: DEMO_PASSWORD,
    name: "Demo Community Member",
    roleLabel: "Community member",
    isAdmin: false,
    timeZone: "America/Denver",
    membership: null,
  },
];

// ───────────── Projects and their record ─────────────

export type SeedDateChange = {
  previousDate: Date | null;
  newDate: Date | null;
  reason: DateChangeReason;
  narrative: string;
  /** When the change was announced (stored at noon UTC). */
  changedOn: Date;
  /** The public page the narrative cites. */
  sourceUrl?: string;
};

export type SeedMilestone = {
  key: string;
  name: string;
  jurisdiction: Jurisdiction;
  /** Slug of the responsible organization, when it is one of ours. */
  agencySlug?: string;
  /** Otherwise the responsible authority's name (a court, a council). */
  authority?: string;
  baselineDate?: Date;
  targetDate?: Date;
  actualDate?: Date;
  datePrecision: DatePrecision;
  note?: string;
  sourceUrl: string;
  /** Its part in the statutory NEPA clock (app/models/statutory-clock.ts), where the record shows one. */
  statutoryRole?: StatutoryRole;
  dateChanges?: SeedDateChange[];
};

/** One move on the stage timeline. The seed derives fromStage/fromStatus from the previous move. */
export type SeedStageTransition = {
  kind: TransitionKind;
  toStage: string;
  toStatus: ProjectStatus;
  /** The day it happened (stored at noon UTC; same-day moves a minute apart, in list order). */
  on: Date;
  /** How much of `on` the source gives: the stage history shows "Jan 2021", not "Jan 1, 2021". */
  precision?: DatePrecision;
  reason: string;
  /** The public page the reason cites. */
  sourceUrl?: string;
};

export type SeedPause = {
  reason: DateChangeReason;
  summary: string;
  startedOn: Date;
  liftedOn: Date | null;
};

export type SeedProject = {
  slug: string;
  name: string;
  companySlug: string;
  commodities: string[];
  state: string;
  county: string;
  /** Approximate public coordinates of the site; null where we are not sure. */
  latitude: number | null;
  longitude: number | null;
  landStatus: LandStatus;
  description: string;
  website: string | null;
  leadAgencySlug: string;
  cooperatingAgencySlugs: string[];
  reviewTrack: ReviewTrack;
  federalCategory: string | null;
  currentStage: string;
  status: ProjectStatus;
  /** Chronological. */
  milestones: SeedMilestone[];
  /** Chronological; the last move's toStage/toStatus are the project's current ones. */
  stageTransitions: SeedStageTransition[];
  pauses: SeedPause[];
};

const PERMITTING_COUNCIL = "Federal Permitting Improvement Steering Council (Permitting Council)";
const FIRST_TRANSPARENCY_WAVE_SOURCE =
  "https://www.permitting.gov/newsroom/press-releases/trump-administration-advances-first-wave-critical-mineral-production";
const COMMENT_EXTENSION_REASON_NOTE =
  "Our sources do not say why it was extended; CONSULTATION (more time for public and agency input) is the closest category.";

const THACKER_PASS: SeedProject = {
  slug: "thacker-pass",
  name: "Thacker Pass Lithium Project",
  companySlug: "lithium-nevada-corp",
  commodities: ["lithium"],
  state: "NV",
  county: "Humboldt",
  latitude: 41.71,
  longitude: -118.06,
  landStatus: "BLM",
  description:
    "Lithium claystone mine of Lithium Nevada Corp. (Lithium Americas) on about 5,700 acres of public land in Humboldt County, Nevada, reviewed by the BLM Humboldt River Field Office (Winnemucca District). The EIS went from notice of intent (Jan 2020) to record of decision (Jan 2021) in about 12 months; lawsuits followed, and the Ninth Circuit affirmed BLM's approval in Jul 2023. Nevada issued its water pollution control, reclamation and air permits in Feb 2022.",
  website: null,
  leadAgencySlug: "blm-nevada",
  cooperatingAgencySlugs: ["usfws"],
  reviewTrack: "EIS",
  federalCategory: null,
  currentStage: "permits_issued",
  status: "APPROVED",
  milestones: [
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent (EIS and RMP amendment); 30-day scoping",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-01-21"),
      actualDate: day("2020-01-21"),
      datePrecision: "DAY",
      note: "85 FR 3413.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2020/01/21/2020-00851.html",
    },
    {
      key: "scoping_close",
      name: "Scoping comment period closes",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-02-20"),
      actualDate: day("2020-02-20"),
      datePrecision: "DAY",
      note: "Open houses were held Feb 5–6, 2020.",
      sourceUrl:
        "https://blm.gov/press-release/blm-seeks-public-input-proposed-lithium-nevada-corporation-thacker-pass-project-2020",
    },
    {
      key: "deis",
      name: "Draft EIS notice of availability (45-day comment period)",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-07-29"),
      actualDate: day("2020-07-29"),
      datePrecision: "DAY",
      note: "85 FR 45651.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2020/07/29/2020-16448.html",
    },
    {
      key: "deis_meetings",
      name: "Virtual public meetings on the draft EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-08-19"),
      actualDate: day("2020-08-19"),
      datePrecision: "DAY",
      note: "Held Aug 19 and 20, 2020. Comments were taken by the ePlanning web form, email, mail and fax.",
      sourceUrl: "https://vdocuments.us/bureau-of-land-management-humboldt-river-field-office-.html",
    },
    {
      key: "deis_comment_close",
      name: "Draft EIS comment period ends",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-09-14"),
      actualDate: day("2020-09-14"),
      datePrecision: "DAY",
      sourceUrl:
        "https://thefederalnewswire.com/stories/631585410-virtual-meetings-on-the-thacker-pass-draft-environmental-impact-statement-to-be-held-august-19-and-20",
    },
    {
      key: "feis",
      name: "Final EIS notice of availability",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2020-12-04"),
      actualDate: day("2020-12-04"),
      datePrecision: "DAY",
      note: "85 FR 78349.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2020/12/04/2020-26599.html",
    },
    {
      key: "rod",
      statutoryRole: "DECISION",
      name: "Record of decision",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2021-01-15"),
      actualDate: day("2021-01-15"),
      datePrecision: "DAY",
      sourceUrl:
        "https://elkodaily.com/mining/permits-approved-for-thacker-pass-lithium-mine/article_5393b9a5-5282-5b25-a499-50fe50102302.html",
    },
    {
      key: "lawsuits",
      name: "Lawsuits filed against the BLM approval",
      jurisdiction: "COURT",
      authority: "Federal court (not named in our source)",
      targetDate: day("2021-02-01"),
      actualDate: day("2021-02-01"),
      datePrecision: "MONTH",
      note: "Our source gives the month only; plaintiffs and court are not captured. The appeal was decided by the Ninth Circuit in Jul 2023.",
      sourceUrl:
        "https://elkodaily.com/mining/permits-approved-for-thacker-pass-lithium-mine/article_5393b9a5-5282-5b25-a499-50fe50102302.html",
    },
    {
      key: "ndep_permits",
      name: "NDEP water pollution control, reclamation and Class II air permits",
      jurisdiction: "STATE",
      agencySlug: "ndep",
      targetDate: day("2022-02-25"),
      actualDate: day("2022-02-25"),
      datePrecision: "DAY",
      note: "Appeal deadline Mar 7, 2022.",
      sourceUrl:
        "https://elkodaily.com/mining/permits-approved-for-thacker-pass-lithium-mine/article_5393b9a5-5282-5b25-a499-50fe50102302.html",
    },
    {
      key: "ninth_circuit_ruling",
      name: "Ninth Circuit affirms BLM approval",
      jurisdiction: "COURT",
      authority: "U.S. Court of Appeals for the Ninth Circuit",
      targetDate: day("2023-07-17"),
      actualDate: day("2023-07-17"),
      datePrecision: "DAY",
      note: "Western Watersheds Project v. McCullough.",
      sourceUrl: "http://print.casetext.com/case/w-watersheds-project-v-mccullough",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2020-01-21"),
      reason: "Notice of intent published (85 FR 3413). Earlier stages are not captured in our sources.",
    },
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2020-07-29"),
      reason: "Draft EIS notice of availability (85 FR 45651).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2020-12-04"),
      reason: "Final EIS notice of availability (85 FR 78349).",
    },
    {
      kind: "RECORD",
      toStage: "record_of_decision",
      toStatus: "APPROVED",
      on: day("2021-01-15"),
      reason: "BLM record of decision approving the mine (Elko Daily Free Press).",
    },
    {
      kind: "RECORD",
      toStage: "permits_issued",
      toStatus: "APPROVED",
      on: day("2022-02-25"),
      reason: "NDEP issued the water pollution control, reclamation and Class II air permits (Elko Daily Free Press).",
    },
  ],
  pauses: [],
};

const STIBNITE_GOLD: SeedProject = {
  slug: "stibnite-gold",
  name: "Stibnite Gold Project",
  companySlug: "perpetua-resources",
  commodities: ["gold", "silver", "antimony"],
  state: "ID",
  county: "Valley",
  latitude: 44.9,
  longitude: -115.33,
  landStatus: "USFS",
  description:
    "Gold, silver and antimony mine of Perpetua Resources (formerly Midas Gold) in Valley County, Idaho, holding the only identified U.S. antimony reserve (148M lb). The Payette National Forest, with the Boise National Forest, led an EIS from a 2017 notice of intent, through a 2022 supplemental draft, to a final record of decision in Jan 2025. The Army Corps' Clean Water Act §404 permit in May 2025 completed federal permitting; the company says the project needs more than 50 permits.",
  website: "https://perpetuaresources.com/permitting/",
  leadAgencySlug: "usfs-payette-nf",
  cooperatingAgencySlugs: ["usfs-boise-nf", "usace-walla-walla-district", "epa"],
  reviewTrack: "EIS",
  federalCategory: "FAST-41 transparency",
  currentStage: "permits_issued",
  status: "APPROVED",
  milestones: [
    {
      key: "plan_submitted",
      name: "Plan of Restoration and Operations submitted",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2016-09-01"),
      actualDate: day("2016-09-01"),
      datePrecision: "MONTH",
      note: "Our source gives the month only.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2017/06/05/2017-11483.html",
    },
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent to prepare an EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2017-06-05"),
      actualDate: day("2017-06-05"),
      datePrecision: "DAY",
      note: "82 FR 25759.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2017/06/05/2017-11483.html",
    },
    {
      key: "schedule_update_2018",
      name: "Schedule update: 107 agency requests for additional information",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2018-10-01"),
      actualDate: day("2018-10-01"),
      datePrecision: "MONTH",
      note: "By Oct 2018 the agencies had made 107 requests for additional information; the ROD target slipped 2 months to May 2020.",
      sourceUrl: "http://www.miningweekly.com/print-version/stibnite-permitting-schedule-updated-2018-10-02",
    },
    {
      key: "company_delay_claim",
      name: "Company says the schedule was delayed 10 times",
      jurisdiction: "OTHER",
      authority: "Perpetua Resources (company statement)",
      targetDate: day("2020-08-01"),
      actualDate: day("2020-08-01"),
      datePrecision: "MONTH",
      note: 'Company claim: "delayed 10 different times, adding two more years". By 2020 it said it had spent over $60M on permitting.',
      sourceUrl: "https://perpetuaresources.com/fact-check/fact-check-project-timeline/",
    },
    {
      key: "deis",
      name: "Draft EIS released",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2020-08-14"),
      actualDate: day("2020-08-14"),
      datePrecision: "DAY",
      note: "Presented in a virtual meeting room; about 5,000 pages according to the company.",
      sourceUrl: "https://www.fs.usda.gov/detail/payette/news-events/?cid=FSEPRD780796",
    },
    {
      key: "sdeis",
      name: "Supplemental draft EIS (75-day comment period)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2022-10-28"),
      actualDate: day("2022-10-28"),
      datePrecision: "DAY",
      note: "The comment period closed in Jan 2023.",
      sourceUrl: "https://perpetuaresources.com/permitting/",
    },
    {
      key: "feis_draft_rod",
      name: "Final EIS and draft record of decision; 45-day objection period",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2024-09-06"),
      actualDate: day("2024-09-06"),
      datePrecision: "DAY",
      sourceUrl: "https://savethesouthforksalmon.com/nepa",
    },
    {
      key: "objection_period_close",
      name: "Objection period ends",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2024-10-21"),
      actualDate: day("2024-10-21"),
      datePrecision: "DAY",
      note: "Objections were taken in CARA.",
      sourceUrl: "https://cara.fs2c.usda.gov/Public/CommentInput?Project=50516",
    },
    {
      key: "rod",
      statutoryRole: "DECISION",
      name: "Final record of decision",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      baselineDate: day("2020-03-01"),
      targetDate: day("2020-05-01"),
      actualDate: day("2025-01-01"),
      datePrecision: "MONTH",
      note: "Baseline is the target in force before the Oct 2018 update (May 2020 less the reported 2-month slip); earlier schedules are not captured. Later target changes are not captured either; the company counted 10 delays by Aug 2020. Actual: Jan 2025 (month only in our source).",
      sourceUrl: "https://mqworld.com/2025/01/07/perpetua-gains-enviro-approval-for-stibnite-project/",
      dateChanges: [
        {
          previousDate: day("2020-03-01"),
          newDate: day("2020-05-01"),
          reason: "ADDITIONAL_ANALYSIS",
          narrative:
            "Permitting schedule updated in Oct 2018: after 107 agency requests for additional information, the ROD target slipped 2 months to May 2020 (Mining Weekly, Oct 2, 2018: http://www.miningweekly.com/print-version/stibnite-permitting-schedule-updated-2018-10-02).",
          changedOn: day("2018-10-02"),
        },
      ],
    },
    {
      key: "fast41_transparency",
      name: "Added to the Federal Permitting Dashboard (FAST-41 transparency)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-04-18"),
      actualDate: day("2025-04-18"),
      datePrecision: "DAY",
      note: "One of the first 10 transparency projects.",
      sourceUrl: FIRST_TRANSPARENCY_WAVE_SOURCE,
    },
    {
      key: "usace_404_permit",
      name: "USACE Clean Water Act §404 permit (final federal permit)",
      jurisdiction: "FEDERAL",
      agencySlug: "usace-walla-walla-district",
      targetDate: day("2025-05-01"),
      actualDate: day("2025-05-01"),
      datePrecision: "MONTH",
      note: "The Permitting Council announced on May 20, 2025 that federal permitting was complete; the permit's own date is not captured.",
      sourceUrl:
        "https://www.permitting.gov/newsroom/press-releases/stibnite-gold-project-completes-federal-permitting",
    },
    {
      key: "conditional_ntp",
      name: "Conditional notice to proceed",
      jurisdiction: "FEDERAL",
      targetDate: day("2025-09-19"),
      actualDate: day("2025-09-19"),
      datePrecision: "DAY",
      note: "Secondary source; the issuing agency is not captured.",
      sourceUrl: "http://www.yliwu.com/article/53902.html",
    },
    {
      key: "construction_ready",
      name: 'Mine plan final approval ("construction ready")',
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-payette-nf",
      targetDate: day("2025-09-01"),
      actualDate: day("2025-09-01"),
      datePrecision: "MONTH",
      note: "Announced by the Permitting Council on Sep 24, 2025; the approval's own date is not captured.",
      sourceUrl:
        "https://www.permitting.gov/newsroom/press-releases/stibnite-gold-mining-project-completes-federal-permitting",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "plan_submitted",
      toStatus: "IN_PROGRESS",
      on: day("2016-09-01"),
      precision: "MONTH",
      reason: "Plan of Restoration and Operations submitted in Sep 2016 (month only; 82 FR 25759 notice).",
    },
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2017-06-05"),
      reason: "Notice of intent published (82 FR 25759).",
    },
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2020-08-14"),
      reason: "Draft EIS released (Payette National Forest news release).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2024-09-06"),
      reason: "Final EIS and draft ROD released (savethesouthforksalmon.com/nepa).",
    },
    {
      kind: "RECORD",
      toStage: "objection_period",
      toStatus: "IN_PROGRESS",
      on: day("2024-09-06"),
      reason: "The draft ROD opened a 45-day objection period, to Oct 21, 2024 (USFS CARA project 50516).",
    },
    {
      kind: "RECORD",
      toStage: "record_of_decision",
      toStatus: "APPROVED",
      on: day("2025-01-01"),
      precision: "MONTH",
      reason: "Final ROD signed in Jan 2025 (month only in our source; MQ World, Jan 7, 2025).",
    },
    {
      kind: "RECORD",
      toStage: "permits_issued",
      toStatus: "APPROVED",
      on: day("2025-05-20"),
      reason:
        "USACE §404 permit, the final federal permit; recorded at the Permitting Council's May 20, 2025 announcement.",
    },
  ],
  pauses: [],
};

const RESOLUTION_COPPER: SeedProject = {
  slug: "resolution-copper",
  name: "Resolution Copper Project and Land Exchange",
  companySlug: "resolution-copper-mining",
  commodities: ["copper", "molybdenum"],
  state: "AZ",
  county: "Pinal",
  latitude: 33.31,
  longitude: -111.05,
  landStatus: "MIXED",
  description:
    "Copper (and molybdenum) mine near Superior, Pinal County, Arizona, proposed by Resolution Copper Mining LLC (Rio Tinto 55% / BHP 45%), with a 2,422-acre land exchange at Oak Flat mandated by §3003 of the FY2015 NDAA. The San Carlos Apache and Apache Stronghold oppose it. USDA rescinded the Tonto National Forest's Jan 2021 final EIS and draft ROD on Mar 1, 2021; they were re-released on Jun 16, 2025, and a court barred the land transfer before Aug 19, 2025.",
  website: "https://www.resolutionmineeis.us",
  leadAgencySlug: "usfs-tonto-nf",
  cooperatingAgencySlugs: [],
  reviewTrack: "EIS",
  federalCategory: "FAST-41 transparency",
  currentStage: "final_eis",
  status: "IN_PROGRESS",
  milestones: [
    {
      key: "plan_submitted",
      name: "Mine plan of operations submitted",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2013-01-01"),
      actualDate: day("2013-01-01"),
      datePrecision: "YEAR",
      note: "Our source gives the year only.",
      sourceUrl: "https://www.resolutionmineeis.us/documents/categories/project-updates",
    },
    {
      key: "plan_revised",
      name: "Revised mine plan of operations submitted",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2014-09-01"),
      actualDate: day("2014-09-01"),
      datePrecision: "MONTH",
      sourceUrl: "https://www.resolutionmineeis.us/documents/categories/project-updates",
    },
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent to prepare an EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2016-03-01"),
      actualDate: day("2016-03-01"),
      datePrecision: "MONTH",
      sourceUrl: "https://www.resolutionmineeis.us/documents/categories/project-updates",
    },
    {
      key: "scoping_close",
      name: "Scoping comment period closes (extended from 60 to 120 days)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2016-07-18"),
      actualDate: day("2016-07-18"),
      datePrecision: "DAY",
      note: "Five scoping meetings were held. The original 60-day closing date is not captured, so there is no baseline.",
      sourceUrl: "https://www.resolutionmineeis.us/documents/categories/project-updates",
      dateChanges: [
        {
          previousDate: null,
          newDate: day("2016-07-18"),
          reason: "CONSULTATION",
          narrative: `Scoping comment period extended from 60 to 120 days, closing Jul 18, 2016 (resolutionmineeis.us project updates). The announcement date and the original closing date are not captured; recorded at the extended closing date. ${COMMENT_EXTENSION_REASON_NOTE}`,
          changedOn: day("2016-07-18"),
        },
      ],
    },
    {
      key: "alternatives_report",
      name: "Alternatives Evaluation Report",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2017-09-01"),
      actualDate: day("2017-09-01"),
      datePrecision: "MONTH",
      sourceUrl: "https://www.resolutionmineeis.us/documents/categories/project-updates",
    },
    {
      key: "deis",
      name: "Draft EIS released; 90-day comment period Aug 10–Nov 7, 2019",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2019-08-09"),
      actualDate: day("2019-08-09"),
      datePrecision: "DAY",
      note: "About 800 comments had been received by Oct 21, 2019 (Arizona Jewish Post).",
      sourceUrl:
        "https://www.ajnews.com/news/state/draft-environmental-impact-statement-ready-for-oak-flat-land-exchange/article_3f261688-d4aa-11e9-9141-978d8904c66b.html",
    },
    {
      key: "deis_comment_close",
      name: "Draft EIS comment period ends",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2019-11-07"),
      actualDate: day("2019-11-07"),
      datePrecision: "DAY",
      sourceUrl:
        "https://www.ajnews.com/news/county/comment-period-for-proposed-copper-mine-land-exchange-ends-november/article_aa31075a-f9a6-11e9-9ec4-eb4392d5af6f.html",
    },
    {
      key: "feis_draft_rod_2021",
      name: "Final EIS and draft record of decision (2021, later rescinded)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2021-01-01"),
      actualDate: day("2021-01-01"),
      datePrecision: "MONTH",
      note: "Rescinded by USDA on Mar 1, 2021.",
      sourceUrl: "https://www.resolutioncopper.com/current-status.html",
    },
    {
      key: "rescission",
      name: "USDA rescinds the final EIS and draft ROD; objection period halted",
      jurisdiction: "FEDERAL",
      authority: "U.S. Department of Agriculture",
      targetDate: day("2021-03-01"),
      actualDate: day("2021-03-01"),
      datePrecision: "DAY",
      sourceUrl: "https://news.canadianminingreport.com/news/usda-halts-resolution-copper-mine-land-swap",
    },
    {
      key: "republication_notice",
      name: "Notice of intent to republish the final EIS and draft ROD (60-day notice)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2025-04-17"),
      actualDate: day("2025-04-17"),
      datePrecision: "DAY",
      sourceUrl: "https://resolutionmineeis.us",
    },
    {
      key: "fast41_transparency",
      name: "Added to the Federal Permitting Dashboard (FAST-41 transparency)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-04-18"),
      actualDate: day("2025-04-18"),
      datePrecision: "DAY",
      note: "One of the first 10 transparency projects.",
      sourceUrl: FIRST_TRANSPARENCY_WAVE_SOURCE,
    },
    {
      key: "feis_draft_rod_2025",
      name: "Final EIS and draft record of decision re-released",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-tonto-nf",
      targetDate: day("2025-06-16"),
      actualDate: day("2025-06-16"),
      datePrecision: "DAY",
      note: "Target is the end of the 60-day notice of Apr 17, 2025. Later steps (objections, final ROD, land transfer) are not captured in our sources as of Nov 25, 2026.",
      sourceUrl:
        "https://www.grantcountybeat.com/news/non-local-news-releases/secretary-rollins-announces-major-step-forward-for-the-resolution-copper-project",
    },
    {
      key: "court_bar_on_transfer",
      name: "Court bars the land transfer before Aug 19, 2025",
      jurisdiction: "COURT",
      authority: "Federal court (not named in our source)",
      datePrecision: "DAY",
      note: "Reported with the Jun 16, 2025 re-release; the order's date and the court are not captured, so no date is recorded.",
      sourceUrl:
        "https://nativenewsonline.net/environment/feds-release-final-environmental-impact-statement-on-oak-flat-mine",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "plan_submitted",
      toStatus: "IN_PROGRESS",
      on: day("2013-01-01"),
      precision: "YEAR",
      reason: "Mine plan of operations submitted in 2013 (year only; resolutionmineeis.us project updates).",
    },
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2016-03-01"),
      precision: "MONTH",
      reason: "Notice of intent in Mar 2016 (month only; resolutionmineeis.us project updates).",
    },
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2019-08-09"),
      reason: "Draft EIS released (Arizona Jewish Post).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2021-01-01"),
      precision: "MONTH",
      reason: "Final EIS and draft ROD published in Jan 2021 (month only; resolutioncopper.com current status).",
    },
    {
      kind: "RECORD",
      toStage: "objection_period",
      toStatus: "IN_PROGRESS",
      on: day("2021-01-01"),
      precision: "MONTH",
      reason: "The draft ROD opened the objection period (halted Mar 1, 2021).",
    },
    {
      kind: "RESCIND",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2021-03-01"),
      reason: "USDA rescinded the final EIS and draft ROD and halted the objection period (Canadian Mining Report).",
    },
    {
      kind: "PAUSE",
      toStage: "draft_eis",
      toStatus: "PAUSED",
      on: day("2021-03-01"),
      reason: "Review suspended after the rescission.",
    },
    {
      kind: "RESUME",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2025-04-17"),
      reason: "Notice of intent to republish the final EIS and draft ROD in 60 days (resolutionmineeis.us).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2025-06-16"),
      reason: "Final EIS and draft ROD re-released (Grant County Beat; Native News Online).",
    },
  ],
  pauses: [
    {
      reason: "POLICY_CHANGE",
      summary:
        "USDA rescinded the Jan 2021 final EIS and draft ROD on Mar 1, 2021 and halted the objection period. The pause lifted on Apr 17, 2025 with a 60-day notice of intent to republish them; they were re-released on Jun 16, 2025.",
      startedOn: day("2021-03-01"),
      liftedOn: day("2025-04-17"),
    },
  ],
};

const RHYOLITE_RIDGE: SeedProject = {
  slug: "rhyolite-ridge",
  name: "Rhyolite Ridge Lithium-Boron Project",
  companySlug: "ioneer-rhyolite-ridge",
  commodities: ["lithium", "boron"],
  state: "NV",
  county: "Esmeralda",
  latitude: null,
  longitude: null,
  landStatus: "BLM",
  description:
    'Lithium-boron mine of Ioneer Rhyolite Ridge LLC (Ioneer Ltd.) in Esmeralda County, Nevada, reviewed by the BLM Battle Mountain District. The main Endangered Species Act issue is Tiehm\'s buckwheat, listed as endangered in Dec 2022 with 910 acres of critical habitat. BLM went from notice of intent to record of decision in about 22 months (Oct 2024), after an internal email called the schedule "very aggressive"; conservation groups sued a week later.',
  website: null,
  leadAgencySlug: "blm-nevada",
  cooperatingAgencySlugs: [],
  reviewTrack: "EIS",
  federalCategory: null,
  currentStage: "record_of_decision",
  status: "APPROVED",
  milestones: [
    {
      key: "plan_complete",
      name: "Plan of operations deemed complete",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2022-08-17"),
      actualDate: day("2022-08-17"),
      datePrecision: "DAY",
      sourceUrl: "https://www.greencarcongress.com/2022/12/20221220-ioneer.html",
    },
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent to prepare an EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2022-12-20"),
      actualDate: day("2022-12-20"),
      datePrecision: "DAY",
      note: "87 FR 77879.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2022/12/20/2022-27411.html",
    },
    {
      key: "aggressive_schedule_email",
      name: 'Internal BLM email calls the schedule "very aggressive"',
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2023-12-21"),
      actualDate: day("2023-12-21"),
      datePrecision: "DAY",
      sourceUrl: "https://forestpolicypub.com/category/nepa",
    },
    {
      key: "deis",
      name: "Draft EIS notice of availability (45-day comment period)",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2024-04-19"),
      actualDate: day("2024-04-19"),
      datePrecision: "DAY",
      note: "89 FR 28803.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2024/04/19/2024-08233.html",
    },
    {
      key: "feis",
      name: "Final EIS notice of availability",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2024-09-20"),
      actualDate: day("2024-09-20"),
      datePrecision: "DAY",
      note: "89 FR 77174–77175. BLM said it would not decide for at least 30 days.",
      sourceUrl: "https://govinfo.gov/content/pkg/FR-2024-09-20/html/2024-21580.htm",
    },
    {
      key: "rod",
      statutoryRole: "DECISION",
      name: "Record of decision announced",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2024-10-24"),
      actualDate: day("2024-10-24"),
      datePrecision: "DAY",
      sourceUrl:
        "https://hosted.ap.org/ktsa/gallery/a943364661c24a928d590eb17b00a92b/nevada-lithium-mine-wins-final-approval-despite-potential",
    },
    {
      key: "rod_noa",
      name: "Record of decision notice of availability",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2024-10-29"),
      actualDate: day("2024-10-29"),
      datePrecision: "DAY",
      note: "89 FR 85983.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2024/10/29/2024-25096.html",
    },
    {
      key: "lawsuit",
      name: "Lawsuit by the Center for Biological Diversity, Great Basin Resource Watch and Western Shoshone Defense Project",
      jurisdiction: "COURT",
      authority: "Federal court (not named in our source)",
      targetDate: day("2024-10-31"),
      actualDate: day("2024-10-31"),
      datePrecision: "DAY",
      note: "Filed to protect Tiehm's buckwheat and cultural sites. The outcome is not captured in our sources.",
      sourceUrl:
        "https://www.biologicaldiversity.org/w/news/press-releases/lawsuit-aims-to-protect-rare-flower-cultural-sites-from-nevada-lithium-mine-2024-10-31/email_view",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "completeness_review",
      toStatus: "IN_PROGRESS",
      on: day("2022-08-17"),
      reason: "Plan of operations deemed complete (Green Car Congress). The submission date is not captured.",
    },
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2022-12-20"),
      reason: "Notice of intent published (87 FR 77879).",
    },
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2024-04-19"),
      reason: "Draft EIS notice of availability (89 FR 28803).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2024-09-20"),
      reason: "Final EIS notice of availability (89 FR 77174).",
    },
    {
      kind: "RECORD",
      toStage: "record_of_decision",
      toStatus: "APPROVED",
      on: day("2024-10-24"),
      reason: "Record of decision announced (AP); notice of availability Oct 29, 2024 (89 FR 85983).",
    },
  ],
  pauses: [],
};

const HERMOSA: SeedProject = {
  slug: "hermosa",
  name: "Hermosa Critical Minerals Project",
  companySlug: "south32-hermosa",
  commodities: ["zinc", "manganese", "lead", "silver"],
  state: "AZ",
  county: "Santa Cruz",
  latitude: 31.45,
  longitude: -110.72,
  landStatus: "USFS",
  description:
    "Zinc and manganese project (with lead and silver) of South32 Hermosa Inc. in the Patagonia Mountains, Santa Cruz County, Arizona, estimated at $1.7B. On May 8, 2023 it became the first mine covered under FAST-41, and its published timetable set a decision by Sep 2026. The Coronado National Forest (Sierra Vista Ranger District) leads the EIS and takes comments and objections through CARA.",
  website: null,
  leadAgencySlug: "usfs-coronado-nf",
  cooperatingAgencySlugs: [],
  reviewTrack: "EIS",
  federalCategory: "FAST-41 covered",
  currentStage: "final_eis",
  status: "IN_PROGRESS",
  milestones: [
    {
      key: "fast41_covered",
      name: "FAST-41 coverage (first covered mining project)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2023-05-08"),
      actualDate: day("2023-05-08"),
      datePrecision: "DAY",
      sourceUrl: "https://permitting.gov/newsroom/press-releases/critical-minerals-mining-project",
    },
    {
      key: "fast41_timetable",
      name: "FAST-41 permitting timetable published",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2023-07-01"),
      actualDate: day("2023-07-01"),
      datePrecision: "MONTH",
      note: "The timetable set a decision by Sep 2026.",
      sourceUrl:
        "https://www.tucsonsentinel.com/local/report/070723_hermosa_permits/feds-release-fast-tracked-timeline-patagonia-mining-permits/",
    },
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent to prepare an EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-coronado-nf",
      targetDate: day("2024-05-10"),
      actualDate: day("2024-05-10"),
      datePrecision: "DAY",
      note: "89 FR 40462. The notice planned the draft EIS for May 2025 and the final EIS for Feb 2026.",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2024/05/10/2024-10048.html",
    },
    {
      key: "scoping_close",
      name: "Scoping comment period closes",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-coronado-nf",
      targetDate: day("2024-06-10"),
      actualDate: day("2024-06-10"),
      datePrecision: "DAY",
      sourceUrl: "https://regulations.justia.com/regulations/fedreg/2024/05/10/2024-10048.html",
    },
    {
      key: "deis",
      name: "Draft EIS released",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-coronado-nf",
      baselineDate: day("2025-05-01"),
      targetDate: day("2025-05-01"),
      actualDate: day("2025-05-01"),
      datePrecision: "MONTH",
      note: "Planned for May 2025 in the notice of intent (89 FR 40462). Actual about May 2025: the article gives public meetings on May 27/28 without a year, so the year is inferred. 750 pages in 4 chapters plus 435 pages in 11 appendices.",
      sourceUrl:
        "https://patagoniaregionaltimes.org/forest-service-releases-draft-environmental-impact-statement-for-hermosa-project",
    },
    {
      key: "feis_draft_rod",
      name: "Final EIS and draft record of decision; objection period (36 CFR 218)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-coronado-nf",
      baselineDate: day("2026-02-01"),
      targetDate: day("2026-02-01"),
      datePrecision: "MONTH",
      note: "Planned for Feb 2026 in the notice of intent (89 FR 40462). CARA lists an objection period for the final EIS and draft ROD, with 31 Forest Plan exceptions, but the release date is not captured in our sources, so no actual date is recorded as of Nov 25, 2026.",
      sourceUrl: "https://cara.fs2c.usda.gov/Public/CommentInput?Project=65668",
    },
    {
      key: "fast41_decision",
      statutoryRole: "DECISION",
      name: "Final decision (FAST-41 timetable target)",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-coronado-nf",
      baselineDate: day("2026-09-01"),
      targetDate: day("2026-09-01"),
      datePrecision: "MONTH",
      note: "Target from the FAST-41 timetable published in Jul 2023. No decision is captured in our sources, so as of Nov 25, 2026 whether the target was met is unknown here.",
      sourceUrl:
        "https://www.tucsonsentinel.com/local/report/070723_hermosa_permits/feds-release-fast-tracked-timeline-patagonia-mining-permits/",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2024-05-10"),
      reason: "Notice of intent published (89 FR 40462). Earlier stages are not captured in our sources.",
    },
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2025-05-01"),
      precision: "MONTH",
      reason: "Draft EIS released about May 2025 (month and year inferred; Patagonia Regional Times).",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: RECORD_AS_OF,
      reason:
        "CARA project 65668 lists the objection period for the final EIS and draft ROD; the release date is not captured, so this move is recorded as of Nov 25, 2026.",
    },
  ],
  pauses: [],
};

const NORTHMET: SeedProject = {
  slug: "northmet",
  name: "NorthMet Project",
  companySlug: "newrange-copper-nickel",
  commodities: ["copper", "nickel", "platinum-group metals"],
  state: "MN",
  county: "St. Louis",
  latitude: 47.6,
  longitude: -91.97,
  landStatus: "MIXED",
  description:
    "Copper, nickel and platinum-group metals project near Hoyt Lakes, Minnesota, first proposed by PolyMet Mining and now held by NewRange Copper Nickel, its joint venture with Teck (Feb 2023). The Minnesota DNR, the Army Corps of Engineers and the Superior National Forest co-led the review, with the Bois Forte, Fond du Lac and Grand Portage Bands as cooperating agencies. The Corps' 2019 Clean Water Act §404 permit was suspended at EPA's request in 2021 and revoked on Jun 6, 2023.",
  website: "http://www.dnr.state.mn.us/input/environmentalreview/polymet/index.html",
  // The schema has one lead: the Corps is shown as lead (it issued, then revoked, the §404
  // permit); the other co-leads are listed with the cooperating agencies.
  leadAgencySlug: "usace-st-paul-district",
  cooperatingAgencySlugs: ["mn-dnr", "usfs-superior-nf", "bois-forte-band", "fond-du-lac-band", "grand-portage-band"],
  reviewTrack: "EIS",
  federalCategory: null,
  currentStage: "record_of_decision",
  status: "IN_PROGRESS",
  milestones: [
    {
      key: "sdeis",
      name: "Supplemental draft EIS",
      jurisdiction: "STATE",
      agencySlug: "mn-dnr",
      targetDate: day("2013-01-01"),
      actualDate: day("2013-01-01"),
      datePrecision: "YEAR",
      note: "Joint state and federal EIS by the co-leads (MN DNR, USACE, USFS Superior NF). Our source gives the year only.",
      sourceUrl: "http://www.dnr.state.mn.us/input/environmentalreview/polymet/index.html",
    },
    {
      key: "feis",
      name: "Final EIS published",
      jurisdiction: "STATE",
      agencySlug: "mn-dnr",
      targetDate: day("2015-11-01"),
      actualDate: day("2015-11-01"),
      datePrecision: "MONTH",
      note: "Joint state and federal EIS by the co-leads (MN DNR, USACE, USFS Superior NF).",
      sourceUrl: "http://www.dnr.state.mn.us/input/environmentalreview/polymet/index.html",
    },
    {
      key: "usfs_land_exchange_rod",
      name: "USFS final record of decision on the land exchange",
      jurisdiction: "FEDERAL",
      agencySlug: "usfs-superior-nf",
      targetDate: day("2017-01-09"),
      actualDate: day("2017-01-09"),
      datePrecision: "DAY",
      note: "6,650 federal acres exchanged for 6,690 acres; over 22,000 objections were filed.",
      sourceUrl:
        "https://www.elyecho.com/articles/2017/01/09/us-forest-service-signs-decision-proposed-land-exchange-polymet-mining-inc",
    },
    {
      key: "state_permit_to_mine",
      name: "State permit to mine issued",
      jurisdiction: "STATE",
      agencySlug: "mn-dnr",
      targetDate: day("2018-11-01"),
      actualDate: day("2018-11-01"),
      datePrecision: "DAY",
      note: "The draft permit's comment and objection period closed Mar 6, 2018.",
      sourceUrl: "https://www.dnr.state.mn.us/polymet/permitting/ptm",
    },
    {
      key: "usace_rod_404_permit",
      name: "USACE record of decision and Clean Water Act §404 permit",
      jurisdiction: "FEDERAL",
      agencySlug: "usace-st-paul-district",
      targetDate: day("2019-03-21"),
      actualDate: day("2019-03-21"),
      datePrecision: "DAY",
      note: "901 acres of direct wetland impact.",
      sourceUrl:
        "https://www.mvp.usace.army.mil/Missions/Regulatory/Public-Notices/Article/1799679/1999-05528-jka-northmet-permit-decision/",
    },
    {
      key: "permit_suspended",
      name: "§404 permit suspended at EPA's request",
      jurisdiction: "FEDERAL",
      agencySlug: "usace-st-paul-district",
      targetDate: day("2021-03-17"),
      actualDate: day("2021-03-17"),
      datePrecision: "DAY",
      sourceUrl: "https://www.mvp.usace.army.mil/Missions/Regulatory/PolyMet.aspx",
    },
    {
      key: "epa_may_affect",
      name: 'EPA "may affect" determination',
      jurisdiction: "FEDERAL",
      agencySlug: "epa",
      targetDate: day("2021-06-04"),
      actualDate: day("2021-06-04"),
      datePrecision: "DAY",
      sourceUrl: "https://www.mvp.usace.army.mil/Missions/Regulatory/PolyMet.aspx",
    },
    {
      key: "band_objection",
      name: "Band objection",
      jurisdiction: "TRIBAL",
      authority: "Downstream tribal government (the Band is not named in our source excerpt)",
      targetDate: day("2021-08-03"),
      actualDate: day("2021-08-03"),
      datePrecision: "DAY",
      sourceUrl: "https://www.mvp.usace.army.mil/Missions/Regulatory/PolyMet.aspx",
    },
    {
      key: "public_hearing",
      name: "Public hearing",
      jurisdiction: "FEDERAL",
      targetDate: day("2022-05-03"),
      actualDate: day("2022-05-03"),
      datePrecision: "DAY",
      note: "Held May 3–5, 2022. The body that held it is not captured in our source.",
      sourceUrl:
        "http://www.mitchellchadwick.com/2023/06/reviving-the-just-one-molecule-rule-clean-water-act-permit-revoked-upon-newly-adopted-tribal-water-quality-standards/",
    },
    {
      key: "permit_revoked",
      name: "§404 permit revoked",
      jurisdiction: "FEDERAL",
      agencySlug: "usace-st-paul-district",
      targetDate: day("2023-06-06"),
      actualDate: day("2023-06-06"),
      datePrecision: "DAY",
      note: "The revocation followed newly adopted tribal water-quality standards (Mitchell Chadwick).",
      sourceUrl:
        "https://www.mvp.usace.army.mil/Media/News-Releases/Article/3419225/corps-of-engineers-announces-northmet-mine-permit-decision/",
    },
    {
      key: "ptm_contested_case_stayed",
      name: "Contested-case hearing on the permit to mine stayed until Aug 14, 2025",
      jurisdiction: "STATE",
      agencySlug: "mn-dnr",
      targetDate: day("2024-11-01"),
      actualDate: day("2024-11-01"),
      datePrecision: "MONTH",
      note: "The DNR's final decision-maker stayed the hearing because NewRange said on Aug 14, 2024 that it would study design changes for a year (DNR statement of Nov 2024; day not captured).",
      sourceUrl: "https://www.dnr.state.mn.us/polymet/permitting",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "draft_eis",
      toStatus: "IN_PROGRESS",
      on: day("2013-01-01"),
      precision: "YEAR",
      reason: "Supplemental draft EIS in 2013 (year only; MN DNR). Earlier stages are not captured in our sources.",
      sourceUrl: "http://www.dnr.state.mn.us/input/environmentalreview/polymet/index.html",
    },
    {
      kind: "RECORD",
      toStage: "final_eis",
      toStatus: "IN_PROGRESS",
      on: day("2015-11-01"),
      precision: "MONTH",
      reason: "Final EIS published in Nov 2015 (month only; MN DNR).",
      sourceUrl: "http://www.dnr.state.mn.us/input/environmentalreview/polymet/index.html",
    },
    {
      kind: "RECORD",
      toStage: "record_of_decision",
      toStatus: "IN_PROGRESS",
      on: day("2017-01-09"),
      reason: "USFS final ROD on the land exchange (Ely Echo); the Corps' decision was still pending.",
      sourceUrl:
        "https://www.elyecho.com/articles/2017/01/09/us-forest-service-signs-decision-proposed-land-exchange-polymet-mining-inc",
    },
    {
      kind: "RECORD",
      toStage: "permits_issued",
      toStatus: "APPROVED",
      on: day("2019-03-21"),
      reason: "USACE record of decision and §404 permit (St. Paul District public notice).",
      sourceUrl:
        "https://www.mvp.usace.army.mil/Missions/Regulatory/Public-Notices/Article/1799679/1999-05528-jka-northmet-permit-decision/",
    },
    {
      kind: "RESCIND",
      toStage: "record_of_decision",
      toStatus: "IN_PROGRESS",
      on: day("2023-06-06"),
      reason:
        "USACE revoked the §404 permit (St. Paul District news release); it had been suspended since Mar 17, 2021.",
      sourceUrl:
        "https://www.mvp.usace.army.mil/Media/News-Releases/Article/3419225/corps-of-engineers-announces-northmet-mine-permit-decision/",
    },
  ],
  pauses: [],
};

const MCDERMITT_EXPLORATION: SeedProject = {
  slug: "mcdermitt-exploration",
  name: "McDermitt Exploration Project",
  companySlug: "hitech-minerals",
  commodities: ["lithium"],
  state: "OR",
  county: "Malheur",
  latitude: null,
  longitude: null,
  landStatus: "BLM",
  description:
    "Lithium exploration plan of operations of HiTech Minerals Inc. (Jindalee Resources) in Malheur County, Oregon, near the Nevada line, reviewed with an environmental assessment by the BLM Vale District's Malheur Field Office. Scoping was extended in 2023 and the short draft EA comment period in 2025 drew criticism. The decision, about Dec 2025, approved 168 drill sites on 73 acres with 22 miles of roads over 5 seasons.",
  website: "https://eplanning.blm.gov/Project-Home/?id=031933dd-a7f2-f011-8407-001dd803d067",
  leadAgencySlug: "blm-vale-district",
  cooperatingAgencySlugs: [],
  reviewTrack: "EA",
  federalCategory: "FAST-41 transparency",
  currentStage: "decision_fonsi",
  status: "APPROVED",
  milestones: [
    {
      key: "plan_submitted",
      name: "Plan of operations submitted; project initiation letter",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-vale-district",
      targetDate: day("2023-07-25"),
      actualDate: day("2023-07-25"),
      datePrecision: "DAY",
      note: "Jul 25–26, 2023.",
      sourceUrl: "https://eplanning.blm.gov/Project-Home/?id=031933dd-a7f2-f011-8407-001dd803d067",
    },
    {
      key: "scoping_close",
      name: "Scoping comment period closes",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-vale-district",
      baselineDate: day("2023-08-29"),
      targetDate: day("2023-09-15"),
      actualDate: day("2023-09-15"),
      datePrecision: "DAY",
      note: "Scoping opened Jul 31, 2023 to close Aug 29 and was extended to Sep 15, 2023.",
      sourceUrl: "https://eplanning.blm.gov/Project-Home/?id=031933dd-a7f2-f011-8407-001dd803d067",
      dateChanges: [
        {
          previousDate: day("2023-08-29"),
          newDate: day("2023-09-15"),
          reason: "CONSULTATION",
          narrative: `Scoping (Jul 31–Aug 29, 2023) was extended to Sep 15, 2023 (BLM ePlanning project page). The announcement date is not captured; recorded at the original closing date. ${COMMENT_EXTENSION_REASON_NOTE}`,
          changedOn: day("2023-08-29"),
          sourceUrl: "https://eplanning.blm.gov/Project-Home/?id=031933dd-a7f2-f011-8407-001dd803d067",
        },
      ],
    },
    {
      key: "draft_ea",
      name: "Draft EA (103 pages) released for comment",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-vale-district",
      targetDate: day("2025-03-01"),
      actualDate: day("2025-03-01"),
      datePrecision: "MONTH",
      note: "Release day not captured; press covered it on Mar 30, 2025 under the headline that BLM rushed the review after a presidential executive order.",
      sourceUrl:
        "https://www.ijpr.org/environment-energy-and-transportation/2025-03-30/blm-rushes-review-of-oregon-lithium-project-following-trumps-executive-order",
    },
    {
      key: "fast41_transparency",
      name: "Added to the Federal Permitting Dashboard (FAST-41 transparency)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-04-18"),
      actualDate: day("2025-04-18"),
      datePrecision: "DAY",
      note: 'The dashboard estimated completion on 01/02/2026, with "0 out of 1" processes done.',
      sourceUrl:
        "https://www.permits.performance.gov/permitting-project/fast-41-transparency-projects/mcdermitt-exploration-project",
    },
    {
      key: "draft_ea_comment_close",
      name: "Draft EA comment period closes",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-vale-district",
      baselineDate: day("2025-03-31"),
      targetDate: day("2025-04-25"),
      actualDate: day("2025-04-25"),
      datePrecision: "DAY",
      note: "The press reported a Mar 31, 2025 deadline; BLM ePlanning shows Apr 25, 2025, probably an extension.",
      sourceUrl: "https://eplanning.blm.gov/Project-Home/?id=031933dd-a7f2-f011-8407-001dd803d067",
      dateChanges: [
        {
          previousDate: day("2025-03-31"),
          newDate: day("2025-04-25"),
          reason: "CONSULTATION",
          narrative: `Jefferson Public Radio (Mar 30, 2025) reported a Mar 31, 2025 deadline; the BLM ePlanning page shows Apr 25, 2025, probably an extension. The announcement date is not captured; recorded at the original deadline. ${COMMENT_EXTENSION_REASON_NOTE}`,
          changedOn: day("2025-03-31"),
        },
      ],
    },
    {
      key: "decision",
      statutoryRole: "DECISION",
      name: "Decision issued",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-vale-district",
      baselineDate: day("2026-01-01"),
      targetDate: day("2026-01-01"),
      actualDate: day("2025-12-01"),
      datePrecision: "MONTH",
      note: "Approves 168 drill sites on 73 acres with 22 miles of roads over 5 seasons. Target: the dashboard's estimated completion of 01/02/2026 (stored by month). Actual about Dec 2025 (Capital Press, Dec 16, 2025).",
      sourceUrl: "https://capitalpress.com/2025/12/16/blm-approval-of-se-oregon-lithium-exploration-concerns-rancher/",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "plan_submitted",
      toStatus: "IN_PROGRESS",
      on: day("2023-07-25"),
      reason: "Plan of operations submitted (BLM ePlanning).",
    },
    {
      kind: "RECORD",
      toStage: "scoping",
      toStatus: "IN_PROGRESS",
      on: day("2023-07-31"),
      reason: "Scoping opened Jul 31, 2023 (BLM ePlanning).",
    },
    {
      kind: "RECORD",
      toStage: "draft_ea",
      toStatus: "IN_PROGRESS",
      on: day("2025-03-01"),
      precision: "MONTH",
      reason: "Draft EA released for comment in Mar 2025 (month only; Jefferson Public Radio).",
    },
    {
      kind: "RECORD",
      toStage: "decision_fonsi",
      toStatus: "APPROVED",
      on: day("2025-12-01"),
      precision: "MONTH",
      reason: "Decision approving the exploration plan, about Dec 2025 (month only; Capital Press, Dec 16, 2025).",
    },
  ],
  pauses: [],
};

const TONOPAH_FLATS: SeedProject = {
  slug: "tonopah-flats",
  name: "Tonopah Flats Lithium Project",
  companySlug: "american-battery-technology",
  commodities: ["lithium"],
  state: "NV",
  county: "Esmeralda and Nye",
  latitude: null,
  longitude: null,
  landStatus: "BLM",
  description:
    "Lithium project of American Battery Technology Company (ABTC) in Esmeralda and Nye Counties, Nevada, planned to produce 30,000 t/yr of lithium hydroxide. It joined the Federal Permitting Dashboard as a transparency project on Jun 27, 2025 and became FAST-41 covered on Aug 19, 2025. The company reports submitting 21 baseline studies to BLM around Oct 2025; no notice of intent is recorded in our sources.",
  website: null,
  leadAgencySlug: "blm-nevada",
  cooperatingAgencySlugs: [],
  reviewTrack: "EIS",
  federalCategory: "FAST-41 covered",
  currentStage: "pre_application",
  status: "IN_PROGRESS",
  milestones: [
    {
      key: "fast41_transparency",
      name: "Added to the Federal Permitting Dashboard (FAST-41 transparency)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-06-27"),
      actualDate: day("2025-06-27"),
      datePrecision: "DAY",
      sourceUrl:
        "https://www.permitting.gov/newsroom/press-releases/trump-administration-announces-three-new-critical-mining-projects-receive",
    },
    {
      key: "fast41_covered",
      name: "FAST-41 coverage",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-08-19"),
      actualDate: day("2025-08-19"),
      datePrecision: "DAY",
      sourceUrl:
        "https://www.permitting.gov/newsroom/press-releases/tonopah-flats-lithium-project-latest-critical-minerals-mining-project-gain",
    },
    {
      key: "baseline_studies",
      name: "Baseline studies submitted to BLM",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2025-10-01"),
      actualDate: day("2025-10-01"),
      datePrecision: "MONTH",
      note: "21 studies in 14 categories, set at a Baseline Needs Assessment with over 40 agencies and stakeholders; completed and submitted around Oct 2025. Company investor material (secondary source).",
      sourceUrl:
        "https://investorshangout.com/american-battery-technology-company-progresses-with-lithium-project-419991-/",
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "pre_application",
      toStatus: "IN_PROGRESS",
      on: day("2025-06-27"),
      reason:
        "Added to the Federal Permitting Dashboard as a transparency project (Permitting Council); pre-application coordination with BLM.",
    },
  ],
  pauses: [],
};

const SILVER_PEAK_AMENDMENT: SeedProject = {
  slug: "silver-peak-lithium-amendment",
  name: "Silver Peak Lithium Mine Amendment",
  companySlug: "albemarle",
  commodities: ["lithium"],
  state: "NV",
  county: "Esmeralda",
  latitude: null,
  longitude: null,
  landStatus: "BLM",
  description:
    "Amendment to Albemarle's Silver Peak lithium brine mine in Esmeralda County, Nevada, reviewed by the BLM Tonopah Field Office. BLM published a notice of intent to prepare an EIS on Feb 28, 2025, with scoping to Mar 31, 2025 and two virtual meetings. It was added to the Federal Permitting Dashboard as a FAST-41 transparency project on Apr 18, 2025.",
  website: null,
  leadAgencySlug: "blm-nevada",
  cooperatingAgencySlugs: [],
  reviewTrack: "EIS",
  federalCategory: "FAST-41 transparency",
  currentStage: "noi_scoping",
  status: "IN_PROGRESS",
  milestones: [
    {
      key: "noi",
      statutoryRole: "NOTICE_OF_INTENT",
      name: "Notice of intent to prepare an EIS",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2025-02-28"),
      actualDate: day("2025-02-28"),
      datePrecision: "DAY",
      note: "90 FR 10939.",
      sourceUrl: "https://www.govinfo.gov/content/pkg/FR-2025-02-28/html/2025-03299.htm",
    },
    {
      key: "scoping_close",
      name: "Scoping comment period closes",
      jurisdiction: "FEDERAL",
      agencySlug: "blm-nevada",
      targetDate: day("2025-03-31"),
      actualDate: day("2025-03-31"),
      datePrecision: "DAY",
      note: "Two virtual meetings were announced at least 15 days ahead on the NEPA Register.",
      sourceUrl: "https://www.govinfo.gov/content/pkg/FR-2025-02-28/html/2025-03299.htm",
    },
    {
      key: "fast41_transparency",
      name: "Added to the Federal Permitting Dashboard (FAST-41 transparency)",
      jurisdiction: "FEDERAL",
      authority: PERMITTING_COUNCIL,
      targetDate: day("2025-04-18"),
      actualDate: day("2025-04-18"),
      datePrecision: "DAY",
      note: "One of the first 10 transparency projects.",
      sourceUrl: FIRST_TRANSPARENCY_WAVE_SOURCE,
    },
  ],
  stageTransitions: [
    {
      kind: "RECORD",
      toStage: "noi_scoping",
      toStatus: "IN_PROGRESS",
      on: day("2025-02-28"),
      reason:
        "Notice of intent to prepare an EIS published (90 FR 10939). Earlier stages are not captured in our sources.",
    },
  ],
  pauses: [],
};

export const PROJECTS: SeedProject[] = [
  THACKER_PASS,
  STIBNITE_GOLD,
  RESOLUTION_COPPER,
  RHYOLITE_RIDGE,
  HERMOSA,
  NORTHMET,
  MCDERMITT_EXPLORATION,
  TONOPAH_FLATS,
  SILVER_PEAK_AMENDMENT,
];
