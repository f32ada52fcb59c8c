/**
 * Ordered XML for the Word and OpenDocument readers: fast-xml-parser in preserveOrder mode (runs
 * and paragraphs must stay in document order) plus small accessors over its node shape.
 */
import { XMLParser } from "fast-xml-parser";
import { ReadError } from "../registry";

export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

/** Parses one package part. Word and ODF never declare a DTD; one that does is refused (entity expansion). */
export function parseXml(file: string, part: string, text: string): XNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096)))
    throw new ReadError(file, `part ${part} declares a DTD, which Word and OpenDocument files never do`);
  try {
    return parser.parse(text) as XNode[];
  } catch (e) {
    throw new ReadError(file, `part ${part} is not well-formed XML: ${(e as Error).message}`);
  }
}

export function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ":@") return k;
  return "";
}

export function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = n[t];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode, name: string): string | undefined {
  const a = n[":@"] as Record<string, string> | undefined;
  return a?.[name];
}

export function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

export function children(n: XNode, tag: string): XNode[] {
  return kids(n).filter((k) => tagOf(k) === tag);
}

/** First element with this tag, depth-first. */
export function find(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const f = find(kids(n), tag);
    if (f) return f;
  }
  return undefined;
}

/** Every element with this tag, depth-first, not looking inside a match. */
export function findAll(nodes: XNode[], tag: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else findAll(kids(n), tag, out);
  }
  return out;
}

export function textOf(n: XNode): string {
  if (typeof n["#text"] === "string") return n["#text"] as string;
  let s = "";
  for (const k of kids(n)) s += textOf(k);
  return s;
}
