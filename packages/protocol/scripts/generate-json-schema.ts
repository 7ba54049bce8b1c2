/**
 * Writes schema/protocol.schema.json from the zod schemas. The file is committed so every wire
 * change shows in a diff; `test/json-schema.test.ts` fails when it is out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildJsonSchema } from "../src/json-schema.js";

const target = fileURLToPath(new URL("../schema/protocol.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
