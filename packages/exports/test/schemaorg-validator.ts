import vocabulary from "./schemaorg-subset.json" with { type: "json" };

/**
 * Checks JSON-LD against schema.org's own property rules (domainIncludes / rangeIncludes), read from a
 * committed subset of a schema.org release (see scripts/extract-schemaorg-subset.ts). Returns every
 * violation as `path: what is wrong`; an empty list means the document is valid.
 */
export function schemaOrgViolations(node: unknown, path = "$"): string[] {
  if (typeof node !== "object" || node === null || Array.isArray(node))
    return [`${path}: expected a typed node`];
  const record = node as Record<string, unknown>;
  const type = record["@type"];
  if (typeof type !== "string" || !(type in vocabulary.classes))
    return [`${path}: unknown @type ${String(type)}`];
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(record)) {
    if (key.startsWith("@")) continue;
    const property = (
      vocabulary.properties as Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>
    )[key];
    const where = `${path}.${key}`;
    if (!property) {
      problems.push(`${where}: not in the vocabulary subset (run scripts/extract-schemaorg-subset.ts)`);
      continue;
    }
    if (!property.domainIncludes.some((domain) => isA(type, domain))) {
      problems.push(
        `${where}: ${key} is not a property of ${type} (domain: ${property.domainIncludes.join(", ")})`,
      );
    }
    const values = Array.isArray(raw) ? raw : [raw];
    values.forEach((value, index) => {
      const at = Array.isArray(raw) ? `${where}[${index}]` : where;
      if (typeof value === "object" && value !== null) {
        const valueType = String((value as Record<string, unknown>)["@type"]);
        if (!property.rangeIncludes.some((range) => isA(valueType, range))) {
          problems.push(
            `${at}: a ${valueType} is not in the range of ${key} (${property.rangeIncludes.join(", ")})`,
          );
        }
        problems.push(...schemaOrgViolations(value, at));
      } else if (!property.rangeIncludes.some((range) => literalFits(value, range))) {
        problems.push(
          `${at}: ${JSON.stringify(value)} does not fit the range of ${key} (${property.rangeIncludes.join(", ")})`,
        );
      }
    });
  }
  return problems;
}

function isA(type: string, ancestor: string): boolean {
  if (type === ancestor) return true;
  const entry = (vocabulary.classes as Record<string, { subClassOf: string[] }>)[type];
  return entry?.subClassOf.some((parent) => isA(parent, ancestor)) ?? false;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function literalFits(value: unknown, range: string): boolean {
  if (typeof value === "string") {
    if (range === "URL") return URL.canParse(value);
    if (range === "Date") return DATE.test(value);
    if (range === "DateTime") return DATE_TIME.test(value);
    return isA(range, "Text") && range !== "URL";
  }
  if (typeof value === "number") return range === "Integer" ? Number.isInteger(value) : isA(range, "Number");
  if (typeof value === "boolean") return range === "Boolean";
  return false;
}
