/**
 * npm run check:excerpts -- ARTICLE.txt
 * Checks every excerpt of every report layer against the article's text and names each one it cannot find.
 */
import { readFileSync } from 'node:fs';
import { findMissingExcerpts } from '../src/data/excerpts.ts';
import { readReportLayers } from './io.ts';

const articlePath = process.argv[2];
if (!articlePath) {
  console.error('Usage: npm run check:excerpts -- ARTICLE.txt');
  process.exit(2);
}
const article = readFileSync(articlePath, 'utf8');
const layers = Object.values(readReportLayers());
const missing = findMissingExcerpts(article, layers);
for (const m of missing) {
  console.error(`${m.layer}: feature ${m.id}: ${m.key} not found in ${articlePath}: "${m.text}"`);
}
const total = layers.flatMap((l) => l.features).length;
if (missing.length > 0) process.exit(1);
console.log(`All excerpts of ${total} features found verbatim in ${articlePath}.`);
