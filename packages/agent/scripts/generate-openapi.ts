/**
 * Writes schema/openapi.json from the route table (src/server/api-routes.ts). The file is committed so
 * every API change shows in a diff; test/server/openapi.test.ts fails when it is out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "../src/server/openapi.js";

const target = fileURLToPath(new URL("../schema/openapi.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
