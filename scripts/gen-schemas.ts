// Writes the published JSON Schemas (docs/schema/) from the zod schemas, the single source.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/schema';
import { experimentJsonSchema } from '../src/sweep/experiment';

writeFileSync('docs/schema/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('docs/schema/experiment.schema.json', `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`);
console.log('wrote docs/schema/scenario.schema.json and docs/schema/experiment.schema.json');
