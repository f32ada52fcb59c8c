/**
 * Word automatic list numbering, computed. A .docx keeps "1.", "19.09.01" or "(b)" outside the
 * text: each numbered paragraph names a list instance (numId) and a level (ilvl); numbering.xml
 * says how each level counts (start, format, the lvlText pattern "%1.%2") and when it restarts.
 * This module replays the counters in document order the way Word does, so a numbered minute keeps
 * the number a reader sees on the page. Pure: no I/O. Written by hand because no kept library
 * computes Word list labels (mammoth and docx-preview drop or approximate them).
 */

export type NumFormat = string;

export type Level = {
  start: number;
  format: NumFormat;
  /** The label pattern: "%1." or "%1.%2" or a bullet character. */
  text: string;
  /** 0 = never restart; n = restart after a use of level n-1 (1-based, as Word stores it); undefined = after any higher level. */
  restart?: number;
  /** Legal numbering: every %n shown as a decimal. */
  legal?: boolean;
  /** What follows the label: a tab (default), a space or nothing. */
  suffix: "tab" | "space" | "nothing";
};

export type AbstractList = { levels: Map<number, Level> };

export type ListInstance = {
  abstractId: string;
  /** Per-level start overrides; a paragraph using this instance first restarts that level there. */
  startOverrides: Map<number, number>;
  /** Per-level full level overrides. */
  levelOverrides: Map<number, Partial<Level>>;
};

export type NumberingDefinitions = {
  abstracts: Map<string, AbstractList>;
  instances: Map<string, ListInstance>;
};

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(n: number): string {
  if (n <= 0) return String(n);
  let out = "";
  let v = n;
  for (const [k, s] of ROMAN)
    while (v >= k) {
      out += s;
      v -= k;
    }
  return out;
}

/** Word's letter numbering repeats the letter: a…z, aa…zz, aaa… */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

/** One counter value in a level's format. Unknown formats fall back to decimal, as Word does. */
export function formatNumber(n: number, format: NumFormat): string {
  switch (format) {
    case "decimal":
      return String(n);
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "ordinal":
      return `${n}${ordinalSuffix(n)}`;
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalEnclosedFullstop":
      return `${n}.`;
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Bullet glyphs are usually Symbol/Wingdings private-use characters; a reader sees a bullet. */
function bulletText(text: string): string {
  if (!text.trim()) return "";
  return /^[\uf000-\uf0ff\u00b7\u2022\u25cf\u25aa\u25a0\u2023\u2043o§Ø-]$/u.test(text.trim()) ? "•" : text.trim();
}

export type Label = { text: string; suffix: Level["suffix"] };

/**
 * Replays list counters in document order. Word shares counters between list instances of one
 * abstract list (that is how "continue numbering" across separate lists works); an instance with a
 * start override restarts the level the first time it is used.
 */
export class NumberingState {
  private counters = new Map<string, Map<number, number>>();
  private seenInstanceLevel = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  level(numId: string, ilvl: number): Level | null {
    const inst = this.defs.instances.get(numId);
    if (!inst) return null;
    const abs = this.defs.abstracts.get(inst.abstractId);
    const base = abs?.levels.get(ilvl);
    const over = inst.levelOverrides.get(ilvl);
    if (!base && !over) return null;
    return { start: 1, format: "decimal", text: "", suffix: "tab", ...base, ...over } as Level;
  }

  /** The label of the next paragraph in list numId at level ilvl, advancing the counters; null when there is none. */
  next(numId: string, ilvl: number): Label | null {
    if (numId === "0") return null;
    const inst = this.defs.instances.get(numId);
    const lvl = this.level(numId, ilvl);
    if (!inst || !lvl) return null;
    let counters = this.counters.get(inst.abstractId);
    if (!counters) {
      counters = new Map();
      this.counters.set(inst.abstractId, counters);
    }
    const key = `${numId}:${ilvl}`;
    const override = inst.startOverrides.get(ilvl);
    if (!this.seenInstanceLevel.has(key)) {
      this.seenInstanceLevel.add(key);
      if (override !== undefined) {
        counters.set(ilvl, override - 1);
        this.resetBelow(numId, counters, ilvl, true);
      }
    }
    const cur = counters.get(ilvl);
    counters.set(ilvl, cur === undefined ? lvl.start : cur + 1);
    this.resetBelow(numId, counters, ilvl, false);
    if (lvl.format === "bullet") return { text: bulletText(lvl.text), suffix: lvl.suffix };
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = i === ilvl ? lvl : this.level(numId, i);
      if (!l) return "";
      const v = counters.get(i) ?? l.start;
      return formatNumber(v, lvl.legal && i !== ilvl ? "decimal" : l.format);
    });
    return { text, suffix: lvl.suffix };
  }

  /** Levels below ilvl restart after it is used, unless a level says it never restarts (or restarts only after a higher one). */
  private resetBelow(numId: string, counters: Map<number, number>, ilvl: number, all: boolean): void {
    for (const k of [...counters.keys()]) {
      if (k <= ilvl) continue;
      const l = this.level(numId, k);
      const restart = l?.restart;
      if (all || restart === undefined || (restart !== 0 && restart - 1 >= ilvl)) counters.delete(k);
    }
  }
}
