import type { JobProfile } from "@voice-onboarding/protocol";
import { missingJobTitle, requireInputs } from "./errors.js";
import { experienceText, formatPay, payRange, traitLine, traitsBy, workplaceText } from "./facts.js";

/** One block of a job description; every renderer (Markdown, HTML, Lever lists) reads this shape. */
export interface DescriptionSection {
  topic: "company" | "role" | "must_have" | "nice_to_have" | "selling_points" | "interview_process";
  heading: string;
  style: "paragraphs" | "bullets" | "steps";
  items: string[];
}

export interface JobDescription {
  title: string;
  sections: DescriptionSection[];
}

/** The description a recruiter can paste anywhere: company, the role's facts, traits, interview steps. */
export function buildJobDescription(profile: JobProfile): JobDescription {
  requireInputs("a job description", [missingJobTitle(profile)]);
  const { requirements, company } = profile;
  const sections: DescriptionSection[] = [];
  const about = [company?.tagline, company?.productDescription, company?.problemSolved].filter(
    (text): text is string => Boolean(text),
  );
  if (company && about.length > 0)
    sections.push({ topic: "company", heading: `About ${company.name}`, style: "paragraphs", items: about });

  const pay = payRange(profile);
  const experience = experienceText(profile);
  const workplace = workplaceText(profile);
  const facts = [
    workplace && `Location: ${workplace}`,
    experience && `Experience: ${experience}`,
    pay && `Compensation: ${formatPay(pay)}`,
    requirements.equityOffered !== undefined &&
      `Equity: ${requirements.equityOffered ? (requirements.equityRange ?? "offered") : "not offered"}`,
    requirements.visaSponsorship !== undefined &&
      `Visa sponsorship: ${requirements.visaSponsorship ? "available" : "not available"}`,
  ].filter((fact): fact is string => Boolean(fact));
  if (facts.length > 0) sections.push({ topic: "role", heading: "The role", style: "bullets", items: facts });

  const musts = traitsBy(profile, "must_have").map(traitLine);
  if (musts.length > 0)
    sections.push({ topic: "must_have", heading: "What you bring", style: "bullets", items: musts });
  const nices = traitsBy(profile, "nice_to_have").map(traitLine);
  if (nices.length > 0)
    sections.push({ topic: "nice_to_have", heading: "Nice to have", style: "bullets", items: nices });

  const perks = company?.sellingPoints ?? [];
  if (perks.length > 0)
    sections.push({ topic: "selling_points", heading: "Why join", style: "bullets", items: perks });

  const steps = profile.stages.map((stage) => {
    const details = [stage.durationMinutes && `${stage.durationMinutes} min`, stage.interviewerRole]
      .filter(Boolean)
      .join(", ");
    return `${stage.name}${details ? ` (${details})` : ""}: ${stage.description}`;
  });
  if (steps.length > 0)
    sections.push({ topic: "interview_process", heading: "Interview process", style: "steps", items: steps });

  return { title: requirements.jobTitle ?? "", sections };
}

// CommonMark lets a backslash escape any ASCII punctuation; these are the ones that start markup.
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, "\\$&");

export function renderMarkdown({ title, sections }: JobDescription): string {
  const blocks = [`# ${escapeMarkdown(title)}`];
  for (const section of sections) {
    const items = section.items.map(escapeMarkdown);
    const body =
      section.style === "paragraphs"
        ? items.join("\n\n")
        : items
            .map((item, index) => (section.style === "steps" ? `${index + 1}. ${item}` : `- ${item}`))
            .join("\n");
    blocks.push(`## ${escapeMarkdown(section.heading)}\n\n${body}`);
  }
  return `${blocks.join("\n\n")}\n`;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

export const htmlListItems = (items: readonly string[]) =>
  items.map((item) => `<li>${escapeHtml(item)}</li>`).join("");

/** The sections as an HTML fragment (no title), for targets that show the title themselves. */
export function renderHtmlSections(sections: readonly DescriptionSection[]): string {
  return sections
    .map((section) => {
      const heading = `<h2>${escapeHtml(section.heading)}</h2>`;
      if (section.style === "paragraphs")
        return heading + section.items.map((item) => `<p>${escapeHtml(item)}</p>`).join("");
      const tag = section.style === "steps" ? "ol" : "ul";
      return `${heading}<${tag}>${htmlListItems(section.items)}</${tag}>`;
    })
    .join("\n");
}

export function renderHtml({ title, sections }: JobDescription): string {
  return `<h1>${escapeHtml(title)}</h1>\n${renderHtmlSections(sections)}\n`;
}

export const jobDescriptionMarkdown = (profile: JobProfile) => renderMarkdown(buildJobDescription(profile));
export const jobDescriptionHtml = (profile: JobProfile) => renderHtml(buildJobDescription(profile));
