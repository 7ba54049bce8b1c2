import { describe, expect, it } from "vitest";
import { escapeHtml, jobDescriptionHtml, jobDescriptionMarkdown } from "../src/index.js";
import { emptyProfile, fullProfile } from "./fixtures.js";

describe("job description", () => {
  it("reads as Markdown: company, the role's facts, traits, numbered interview steps", () => {
    expect(jobDescriptionMarkdown(fullProfile)).toBe(`# Senior Backend Engineer

## About Acme Robotics

Robots that fold laundry

A home robot that sorts, folds & stacks clothes.

## The role

- Location: Hybrid in Berlin, 3 days a week in the office
- Experience: 5–8 years
- Compensation: €90,000 – €120,000 per year
- Equity: 0.1-0.25%
- Visa sponsorship: available

## What you bring

- Distributed systems: Has run queues \\<at scale\\> & owned incidents

## Nice to have

- Rust: Wrote production Rust

## Why join

- Series A, 30 people
- Hardware and software under one roof

## Interview process

1. Recruiter screen (30 min, Recruiter): Motivation and logistics
2. System design (60 min): Design a fleet telemetry pipeline
`);
  });

  it("escapes everything a recruiter typed when rendered as HTML", () => {
    const hostile = {
      ...fullProfile,
      requirements: { ...fullProfile.requirements, jobTitle: `<script>alert("x")</script>` },
    };
    const html = jobDescriptionHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html.startsWith("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>")).toBe(true);
    expect(html).toContain("<ol><li>Recruiter screen (30 min, Recruiter): Motivation and logistics</li>");
    expect(escapeHtml(`a&b'"<>`)).toBe("a&amp;b&#39;&quot;&lt;&gt;");
  });

  it("needs at least a job title", () => {
    expect(() => jobDescriptionMarkdown(emptyProfile)).toThrow(
      "cannot export to a job description: missing requirements.jobTitle",
    );
  });
});
