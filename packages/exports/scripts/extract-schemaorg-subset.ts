/**
 * Writes test/schemaorg-subset.json: the schema.org classes and properties our JobPosting JSON-LD uses,
 * copied from a schema.org release file (`data/releases/<version>/schemaorg-current-https.jsonld` in
 * github.com/schemaorg/schemaorg). test/jsonld.test.ts checks every node against it, so a property used
 * on the wrong type, or a value of the wrong type, fails. Run after the exporter starts using a new term:
 *   pnpm --filter @voice-onboarding/exports schemaorg-subset <path to schemaorg-current-https.jsonld> <version>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { toJobPostingJsonLd } from "../src/jsonld.js";
import { fullProfile, remoteProfile } from "../test/fixtures.js";

type GraphNode = { "@id": string; "@type": string | string[]; [key: string]: unknown };
const [releaseFile, version] = process.argv.slice(2);
if (!releaseFile || !version)
  throw new Error("usage: extract-schemaorg-subset <schemaorg-current-https.jsonld> <version>");

const graph = new Map<string, GraphNode>(
  (JSON.parse(readFileSync(releaseFile, "utf8"))["@graph"] as GraphNode[]).map((node) => [node["@id"], node]),
);
const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((ref) =>
    (ref as { "@id": string })["@id"].replace(/^schema:/, ""),
  );

// Every term the exporter writes, for every shape of job it handles.
const classes = new Set(["Text", "URL", "Number", "Integer", "Float", "Date", "DateTime", "Boolean"]);
const properties = new Set<string>();
const collect = (node: unknown) => {
  if (Array.isArray(node)) return node.forEach(collect);
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "@type") classes.add(String(value));
    else if (!key.startsWith("@")) properties.add(key);
    collect(value);
  }
};
const samples = [
  toJobPostingJsonLd(fullProfile, {
    companyUrl: "https://acme.example",
    country: "DE",
    validThrough: "2027-01-01",
  }),
  toJobPostingJsonLd(remoteProfile, { applicantCountries: ["Germany"] }),
];
samples.forEach(collect);

const subset: {
  source: string;
  classes: Record<string, { subClassOf: string[] }>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>;
} = {
  source: `schema.org ${version}, data/releases/${version}/schemaorg-current-https.jsonld in github.com/schemaorg/schemaorg (CC BY-SA 3.0), reduced to the terms test/jsonld.test.ts checks`,
  classes: {},
  properties: {},
};
const pending = [...classes];
while (pending.length > 0) {
  const name = pending.pop() ?? "";
  if (subset.classes[name]) continue;
  const node = graph.get(`schema:${name}`);
  if (!node) throw new Error(`schema.org ${version} has no class ${name}`);
  const parents = ids(node["rdfs:subClassOf"]);
  subset.classes[name] = { subClassOf: parents };
  pending.push(...parents.filter((parent) => graph.has(`schema:${parent}`)));
}
for (const name of [...properties].sort()) {
  const node = graph.get(`schema:${name}`);
  if (!node) throw new Error(`schema.org ${version} has no property ${name}`);
  subset.properties[name] = {
    domainIncludes: ids(node["schema:domainIncludes"]),
    rangeIncludes: ids(node["schema:rangeIncludes"]),
  };
}
const target = fileURLToPath(new URL("../test/schemaorg-subset.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(subset, null, 2)}\n`);
console.log(`wrote ${target}: ${Object.keys(subset.classes).length} classes, ${properties.size} properties`);
