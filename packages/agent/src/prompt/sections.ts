import type { CompanyIntel, Compensation, JobProfile, Requirements, Trait } from "@voice-onboarding/protocol";
import { FUNDING_LABELS } from "./opening-hook.js";
import { cleanList, cleanText } from "./sanitize.js";

/** Bounds that keep the prompt finite however large the profile grows. */
export const PROMPT_LIMITS = {
  listItems: 6,
  listItemLength: 100,
  longText: 400,
  /** Traits listed by name and priority: the model updates and deletes traits by name. */
  traits: 60,
  /** Of those, the newest ones also show their description. */
  describedTraits: 12,
  stages: 20,
  nuances: 10,
  descriptionLength: 160,
} as const;

const L = PROMPT_LIMITS;
const long = (text: string | undefined) => (text ? cleanText(text, L.longText) : undefined);
const list = (items: readonly string[] | undefined) => cleanList(items, L.listItems, L.listItemLength);

function line(label: string, value: string | undefined): string[] {
  return value ? [`${label}: ${value}`] : [];
}

function bullets(items: readonly string[] | undefined, fallback: string): string[] {
  const shown = (items ?? []).slice(0, L.listItems).map((entry) => `- ${cleanText(entry, L.listItemLength)}`);
  const more = (items?.length ?? 0) - shown.length;
  if (shown.length === 0) return [`- ${fallback}`];
  return more > 0 ? [...shown, `- and ${more} more`] : shown;
}

/** Company research as data lines; every value cleaned and capped. */
export function companyLines(company: CompanyIntel): string[] {
  return [
    `Company: ${cleanText(company.name, 120)}`,
    ...line("Tagline", company.tagline && cleanText(company.tagline, 200)),
    `Stage: ${company.fundingStage ? FUNDING_LABELS[company.fundingStage] : "Unknown"}`,
    ...line("Total raised", company.totalRaised && cleanText(company.totalRaised, 100)),
    ...line("Investors", list(company.investors)),
    `Product: ${long(company.productDescription) ?? "Unknown"}`,
    ...line("Problem", long(company.problemSolved)),
    `Team: ${company.teamSize ? `${cleanText(company.teamSize, 50)} people` : "Unknown"}`,
    `HQ: ${company.headquarters ? cleanText(company.headquarters, 120) : "Unknown"}`,
    ...line("Other offices", list(company.officeLocations)),
    ...line("Tech stack hints", list(company.techStackHints)),
    ...line("Competitors", list(company.competitors)),
    ...line("Culture", list(company.cultureKeywords)),
    ...line("Recent news", list(company.recentNews)),
    "Interesting facts you can reference:",
    ...bullets(company.interestingFacts, "None found"),
    "Potential selling points for candidates:",
    ...bullets(company.sellingPoints, "Growing company"),
  ];
}

const amount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatCompensation(pay: Compensation | undefined): string {
  if (!pay || (pay.min === undefined && pay.max === undefined)) return "Not set";
  const unit = `${pay.currency} per ${pay.interval}`;
  if (pay.min !== undefined && pay.max !== undefined) {
    return `${amount.format(pay.min)}-${amount.format(pay.max)} ${unit}`;
  }
  return pay.min !== undefined
    ? `from ${amount.format(pay.min)} ${unit}`
    : `up to ${amount.format(pay.max ?? 0)} ${unit}`;
}

export function formatExperience({ experienceMinYears: min, experienceMaxYears: max }: Requirements): string {
  if (min === undefined) return max === undefined ? "Not set" : `up to ${max} years (minimum not set)`;
  return max === undefined ? `${min}+ years` : `${min}-${max} years`;
}

function formatLocation(r: Requirements): string {
  if (!r.workplaceType)
    return r.locationCity ? `Not set (city ${cleanText(r.locationCity, 100)})` : "Not set";
  const city = r.locationCity ? `, ${cleanText(r.locationCity, 100)}` : "";
  const days = r.onsiteDaysPerWeek === undefined ? "" : `, ${r.onsiteDaysPerWeek} days/week onsite`;
  return `${r.workplaceType}${city}${days}`;
}

const yesNo = (value: boolean | undefined) => (value === undefined ? "Not set" : value ? "Yes" : "No");

function capped<Item>(
  items: readonly Item[],
  max: number,
  render: (item: Item) => string,
  none: string,
): string[] {
  if (items.length === 0) return [`- ${none}`];
  const shown = items.slice(0, max).map(render);
  return items.length > max ? [...shown, `- and ${items.length - max} more`] : shown;
}

/**
 * Every trait by name (up to `L.traits`, newest kept), the newest `L.describedTraits` with their
 * description. A trait the model cannot see gets asked about again or created twice, and names
 * are short, so all of them fit where descriptions would not.
 */
function traitLines(traits: readonly Trait[]): string[] {
  if (traits.length === 0) return ["Traits (0):", "- None defined yet"];
  const shown = traits.slice(-L.traits);
  const describedFrom = traits.length - L.describedTraits;
  const hidden = traits.length - shown.length;
  const described = Math.min(traits.length, L.describedTraits);
  return [
    `Traits (${traits.length}${traits.length > described ? `; descriptions of the newest ${described}` : ""}):`,
    ...(hidden > 0 ? [`- ${hidden} older traits not listed`] : []),
    ...shown.map((trait, index) => {
      const head = `- ${cleanText(trait.name, 80)} (${trait.priority})`;
      return hidden + index >= describedFrom
        ? `${head}: ${cleanText(trait.description, L.descriptionLength)}`
        : head;
    }),
  ];
}

/** What the profile holds so far, as data lines; long lists are cut with "and K more". */
export function profileLines(profile: JobProfile): string[] {
  const r = profile.requirements;
  const text = (value: string) => cleanText(value, L.descriptionLength);
  // The newest insights matter most in conversation; older ones are summarized by count.
  const newestFirst = [...profile.nuances].reverse();
  return [
    `Job title: ${r.jobTitle ? cleanText(r.jobTitle, 120) : "Not set"}`,
    `Location: ${formatLocation(r)}`,
    `Experience: ${formatExperience(r)}`,
    `Compensation: ${formatCompensation(r.compensation)}`,
    `Equity: ${r.equityRange ? cleanText(r.equityRange, 100) : yesNo(r.equityOffered)}`,
    `Visa sponsorship: ${yesNo(r.visaSponsorship)}`,
    `Confirmed by the recruiter: ${profile.confirmedFields.join(", ") || "none yet"}`,
    ...traitLines(profile.traits),
    `Interview stages (${profile.stages.length}):`,
    ...capped(
      profile.stages,
      L.stages,
      (s) => `- ${s.order}. ${cleanText(s.name, 80)}: ${text(s.description)}`,
      "None defined yet",
    ),
    `Insights captured (${profile.nuances.length}, newest first):`,
    ...capped(newestFirst, L.nuances, (n) => `- ${n.category}: ${text(n.insight)}`, "None yet"),
  ];
}
