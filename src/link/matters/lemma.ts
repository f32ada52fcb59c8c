/**
 * Content lemmas of a title, for comparing the subjects of items: wink-nlp with its bundled English
 * model (wink-eng-lite-web-model ships inside the npm package; nothing is downloaded) lemmatises,
 * so "Libraries" and "Library", "Funding proposals" and "funding proposal" compare equal. Stop words,
 * numbers, years and punctuation are dropped. Pure: the model is loaded once and only read.
 */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

const nlp = winkNLP(model);
const its = nlp.its;
// The typings ask for the model add-ons wink passes itself when it reads lemmas.
const lemmaIts = its.lemma as unknown as typeof its.normal;
const cache = new Map<string, string[]>();

/** Words wink counts as stop words that still carry a subject in council titles. */
const KEEP = new Set(["home", "live", "help", "well", "care", "public", "new"]);

/** Content lemmas in order, lower case: "Community Managed Libraries" → ["community", "manage", "library"]. */
export function lemmas(text: string): string[] {
  const key = text.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = nlp.readDoc(key.replace(/[’']s\b/g, "").replace(/[-–—/:;,.()'"‘’“”]+/g, " "));
  const words = doc.tokens().out(its.normal) as string[];
  const lem = doc.tokens().out(lemmaIts) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as boolean[];
  const type = doc.tokens().out(its.type) as string[];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (type[i] !== "word") continue;
    if (stop[i] && !KEEP.has(words[i])) continue;
    if (words[i].length < 2) continue;
    // "Services" and "servicing" both mean the service; wink keeps a few plurals as nouns.
    out.push(lem[i] === "datum" ? "data" : lem[i]);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, out);
  return out;
}
