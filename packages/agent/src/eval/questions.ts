import { REQUIRED_FIELDS, type RequiredField } from "@voice-onboarding/protocol";

/** What the scripted model asks for each gap (its wording is what `fieldsAskedAbout` recognises). */
const QUESTIONS: Record<RequiredField, string> = {
  job_title: "What's the exact job title?",
  location: "Where will this person work: onsite, hybrid or remote, and in which city?",
  experience: "How many years of experience are you looking for?",
  compensation: "What's the pay range for the role?",
  visa: "Can you sponsor a visa?",
  equity: "Is there equity with the role?",
  traits: "What qualities matter most in this hire?",
  interview_stages: "What does the interview process look like?",
};

/** The question for the first gap the system prompt lists, or the wrap-up when it lists none. */
export function nextQuestion(prompt: string): string {
  const missing = /^Required fields missing: (.+)$/m.exec(prompt)?.[1]?.split(", ") ?? [];
  const first = missing.find((field): field is RequiredField =>
    (REQUIRED_FIELDS as readonly string[]).includes(field),
  );
  if (first !== undefined) return QUESTIONS[first];
  if (prompt.includes("Onboarding is complete.")) return "Anything else you'd like to change?";
  return "I have everything I need. Anything to adjust before I finish?";
}

/**
 * Keyword patterns per required field, for spotting without a judge which field a question asks
 * about. Traits are left out: asking for more qualities after some were given is not a repeat.
 */
const ASKS_ABOUT: Partial<Record<RequiredField, RegExp>> = {
  job_title: /\b(job title|title|what role|which role|what position)\b/i,
  location: /\b(remote|hybrid|on-?site|in the office|which city|where will|where is|location|based)\b/i,
  experience: /\b(years|experience|seniority)\b/i,
  compensation: /\b(salary|pay|compensation|comp|budget|base|rate)\b/i,
  visa: /\b(visa|sponsor\w*)\b/i,
  equity: /\b(equity|stock|options|rsus?)\b/i,
  interview_stages: /\b(interview|stages?|hiring process)\b/i,
};

/** Required fields a reply asks about: only its questions (sentences ending in "?") count. */
export function fieldsAskedAbout(reply: string): RequiredField[] {
  const questions = reply.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim().endsWith("?"));
  return REQUIRED_FIELDS.filter((field) => {
    const pattern = ASKS_ABOUT[field];
    return pattern !== undefined && questions.some((question) => pattern.test(question));
  });
}
