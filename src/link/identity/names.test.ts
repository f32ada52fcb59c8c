/** Tests for name parsing and the conservative person-merge rules. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { displayName, doubtfulPair, type KnownPerson, nearMiss, parseName, resolvePerson } from "./names";

const known = (id: number, printed: string): KnownPerson => {
  const n = parseName(printed)!;
  return { id, title: n.title, given: n.given, surnameKey: n.surnameKey };
};

test("parses titles, initials, forenames and post-nominals", () => {
  const a = parseName("Mr. J. B. Rhodes CC")!;
  assert.deepEqual([a.title, a.given, a.surname, a.suffixes], ["mr", ["J", "B"], "Rhodes", ["CC"]]);
  const b = parseName("Mr. Dave Houseman MBE, CC")!;
  assert.deepEqual([b.title, b.given, b.surname, b.suffixes], ["mr", ["Dave"], "Houseman", ["MBE", "CC"]]);
  const c = parseName("Mr Rhodes")!;
  assert.deepEqual([c.title, c.given, c.surname], ["mr", [], "Rhodes"]);
  const d = parseName("Mrs. R. Camamile CC (Chairman)")!;
  assert.deepEqual([d.title, d.given, d.surname], ["mrs", ["R"], "Camamile"]);
  assert.equal(parseName("Cllr J.B. de Souza")!.surname, "de Souza");
  assert.deepEqual(parseName("Cllr J.B. de Souza")!.given, ["J", "B"]);
  assert.equal(displayName(a), "Mr J. B. Rhodes");
  assert.equal(parseName("   "), null);
  assert.equal(parseName("(apologies)"), null);
});

test("merges the printed forms of one councillor", () => {
  const people = [known(1, "Mr. J. B. Rhodes CC")];
  assert.deepEqual(resolvePerson(parseName("Mr J B Rhodes")!, people), { personId: 1, rule: "exact" });
  assert.deepEqual(resolvePerson(parseName("Mr. Rhodes CC")!, people), { personId: 1, rule: "surname-unique" });
  assert.deepEqual(resolvePerson(parseName("Mr Rhodes")!, people), { personId: 1, rule: "surname-unique" });
  const dave = [known(2, "Mr. Dave Houseman MBE, CC")];
  assert.deepEqual(resolvePerson(parseName("Mr. D. Houseman CC")!, dave), { personId: 2, rule: "forename-initial" });
});

test("keeps different people apart", () => {
  const people = [known(1, "Mr. J. B. Rhodes CC"), known(2, "Mrs. A. Rhodes CC")];
  // Different initials.
  assert.equal(resolvePerson(parseName("Mr. P. Rhodes CC")!, people).personId, null);
  // "J." printed for "J. B." joins the only Mr J. Rhodes, and says so; with two it stays apart.
  assert.deepEqual(resolvePerson(parseName("Mr. J. Rhodes CC")!, people), { personId: 1, rule: "initials-prefix" });
  const jj = [known(1, "Mr. J. B. Rhodes CC"), known(4, "Mr. J. K. Rhodes CC")];
  assert.equal(resolvePerson(parseName("Mr. J. Rhodes CC")!, jj).personId, null);
  // Mrs vs Mr.
  assert.equal(resolvePerson(parseName("Mrs. J. B. Rhodes CC")!, people).personId, null);
  // "Mr Rhodes" is unique among men.
  assert.equal(resolvePerson(parseName("Mr Rhodes")!, people).personId, 1);
  // Two candidates: ambiguous, so a new person.
  const two = [known(1, "Mr. J. B. Rhodes CC"), known(3, "Mr. P. Rhodes CC")];
  assert.deepEqual(resolvePerson(parseName("Mr Rhodes")!, two), { personId: null, rule: "first-seen" });
  // Two different full forenames never merge.
  assert.equal(resolvePerson(parseName("Mr. David Houseman")!, [known(2, "Mr. Dave Houseman")]).personId, null);
});

test("sentences are not names", () => {
  assert.equal(parseName("All Members of the committee who were also members of a district council"), null);
  assert.equal(parseName("the Chairman"), null);
});

test("printed forms of one person: 'S. D. Sheahan', 'S. Sheahan', undotted 'SD Sheahan', titles", () => {
  const people = [known(1, "Mr. S. D. Sheahan CC")];
  assert.deepEqual(resolvePerson(parseName("Mr. S. Sheahan CC.")!, people), { personId: 1, rule: "initials-prefix" });
  assert.deepEqual(parseName("SD Sheahan")!.given, ["S", "D"]);
  assert.deepEqual(resolvePerson(parseName("SD Sheahan")!, people), { personId: 1, rule: "exact" });
  assert.deepEqual(resolvePerson(parseName("Cllr S D Sheahan")!, people), { personId: 1, rule: "exact" });
  // A capitalised name of vowels is a forename, not initials; an all-capitals name keeps its words.
  assert.deepEqual(parseName("Ian Sheahan")!.given, ["Ian"]);
  assert.deepEqual(parseName("MR SD SHEAHAN")!.given, ["SD"]);
});

test("near-misspellings are flagged, never merged", () => {
  const a = parseName("Sandy McMillian")!;
  const b = parseName("Sandy McMillan")!;
  assert.equal(resolvePerson(b, [known(1, "Sandy McMillian")]).personId, null);
  assert.equal(nearMiss(a, b), true);
  assert.equal(nearMiss(a, parseName("Peter McMillan")!), false, "different forenames");
  assert.equal(nearMiss(parseName("J. Hart")!, parseName("J. Hard")!), false, "short surnames are too close to call");
});

test("the forename a person goes by joins their printed initials ('Mr Nigel Collor' / 'Mr N. J. Collor')", () => {
  const people = [known(1, "Mr N. J. Collor")];
  assert.deepEqual(resolvePerson(parseName("Mr Nigel Collor")!, people), { personId: 1, rule: "forename-prefix" });
  assert.deepEqual(resolvePerson(parseName("Mr Collor")!, people), { personId: 1, rule: "surname-unique" });
  // The forename must fit the first initial, and two candidates leave it unmerged.
  assert.equal(resolvePerson(parseName("Mr Peter Collor")!, people).personId, null);
  const two = [known(1, "Mr N. J. Collor"), known(2, "Mr N. P. Collor")];
  assert.equal(resolvePerson(parseName("Mr Nigel Collor")!, two).personId, null);
  // Two different full forenames stay apart however many initials follow.
  assert.equal(resolvePerson(parseName("Mr Dave Houseman")!, [known(3, "Mr David J. Houseman")]).personId, null);
  // "Sue Chandler" and "Mrs S. Chandler": no title on one side agrees with any.
  assert.deepEqual(resolvePerson(parseName("Sue Chandler")!, [known(4, "Mrs S. Chandler")]), {
    personId: 4,
    rule: "forename-initial",
  });
});

test("doubtful pairs: what an officer is asked to merge or keep apart", () => {
  const p = (printed: string) => {
    const n = parseName(printed)!;
    return { title: n.title, given: n.given, surnameKey: n.surnameKey };
  };
  assert.match(doubtfulPair(p("Mr Collor"), p("Mr N. J. Collor")) ?? "", /surname only/);
  assert.match(doubtfulPair(p("Mr N. Collor"), p("Mr Nigel Collor")) ?? "", /fit each other/);
  assert.match(doubtfulPair(p("Sandy McMillian"), p("Sandy McMillan")) ?? "", /one letter apart/);
  assert.equal(doubtfulPair(p("Mr Collor"), p("Mrs Collor")), null, "different titles");
  assert.equal(doubtfulPair(p("Mr Dave Houseman"), p("Mr David Houseman")), null, "different forenames");
  assert.equal(doubtfulPair(p("Mr A. Smith"), p("Mr B. Jones")), null);
});
