import type { CompanyIntel, FundingStage, RequiredField } from "@voice-onboarding/protocol";
import { FUNDING_LABELS } from "./opening-hook.js";
import { cleanList, cleanText } from "./sanitize.js";

export interface SmartQuestion {
  question: string;
  /** Why it matters, so the model knows what to listen for. */
  why: string;
}

export const MAX_SMART_QUESTIONS = 5;
const EARLY_STAGES: readonly FundingStage[] = ["pre_seed", "seed", "series_a", "series_b"];

type Rule = (company: CompanyIntel, missing: ReadonlySet<RequiredField>) => SmartQuestion | undefined;

const item = (text: string | undefined) => (text ? cleanText(text, 60) : "");
const firstItems = (items: readonly string[] | undefined, count: number, joiner: string) =>
  (items ?? []).slice(0, count).map(item).join(joiner);
const stageLabel = (company: CompanyIntel) =>
  company.fundingStage ? FUNDING_LABELS[company.fundingStage] : undefined;

// In priority order: questions that fill a missing field come before colour.
const RULES: readonly Rule[] = [
  (company, missing) => {
    const stage = company.fundingStage;
    if (!missing.has("equity") || !stage) return undefined;
    if (EARLY_STAGES.includes(stage)) {
      return {
        question: `At ${stageLabel(company)}, equity is usually part of the pitch. Is there equity for this role, and in what range?`,
        why: "Early-stage candidates weigh equity heavily; fills equity.",
      };
    }
    return stage === "public"
      ? { question: "Does this role come with RSUs or other equity?", why: "Fills equity." }
      : undefined;
  },
  (company, missing) => {
    const rival = item(company.competitors?.[0]);
    if (!missing.has("compensation") || !rival) return undefined;
    return {
      question: `Candidates will likely compare offers with ${rival}. Where does pay for this role land against them?`,
      why: "Competitors anchor salary expectations; fills compensation.",
    };
  },
  (company) => {
    const rivals = firstItems(company.competitors, 2, " or ");
    if (!rivals) return undefined;
    return {
      question: `Would people from ${rivals} be a plus? Any backgrounds you'd rather avoid?`,
      why: "Surfaces hidden preferences and red flags (capture_nuance).",
    };
  },
  (company, missing) => {
    const stack = cleanList(company.techStackHints, 3, 40);
    if (!missing.has("traits") || !stack) return undefined;
    return {
      question: `I saw ${stack} in your stack. Which of those matter for this role, and what does great look like there?`,
      why: "Turns technologies into conceptual traits (create_trait).",
    };
  },
  (company) => {
    const news = item(company.recentNews?.[0]);
    const stage = company.fundingStage;
    if (!news && !(stage && EARLY_STAGES.includes(stage))) return undefined;
    const context = news ? `With the recent news (${news})` : `At ${stageLabel(company)}`;
    return {
      question: `${context}, how soon do you need this person in seat?`,
      why: "Captures urgency (capture_nuance, urgency).",
    };
  },
  (company, missing) => {
    const hq = item(company.headquarters);
    if (!missing.has("location") || !hq) return undefined;
    const office = item(company.officeLocations?.[0]);
    const alternatives = office ? `, one of your other offices like ${office},` : "";
    return {
      question: `Would this person work from ${hq}${alternatives} or is remote open?`,
      why: "Fills location.",
    };
  },
  (company) => {
    const culture = firstItems(company.cultureKeywords, 2, " and ");
    if (!culture) return undefined;
    return {
      question: `Your team describes itself as ${culture}. How should that show up in this hire?`,
      why: "Captures culture fit (capture_nuance, culture_fit).",
    };
  },
  (company) => {
    const size = item(company.teamSize);
    if (!size) return undefined;
    return {
      question: `With a team of about ${size}, who would this person report to and work with day to day?`,
      why: "Captures team dynamics (capture_nuance, team_dynamic).",
    };
  },
];

/** Deterministic, research-based questions for the gaps; at most `MAX_SMART_QUESTIONS`. */
export function generateSmartQuestions(
  company: CompanyIntel | undefined,
  missingFields: readonly RequiredField[],
): SmartQuestion[] {
  if (!company) return [];
  const missing = new Set(missingFields);
  return RULES.flatMap((rule) => rule(company, missing) ?? []).slice(0, MAX_SMART_QUESTIONS);
}
