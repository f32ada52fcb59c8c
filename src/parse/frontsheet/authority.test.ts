// Council names in a line of text: "<Name> <Kind> Council" however many there are, not
// "Councillor", leading words that are not part of a name dropped, and London boroughs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mentions } from "./authority";

test("every named council in a line, with its kind", () => {
  assert.deepEqual(mentions("Kent County Council and Medway Council met Swale Borough Council."), [
    { name: "Kent County Council", kind: "County" },
    { name: "Swale Borough Council", kind: "Borough" },
  ]);
  assert.deepEqual(mentions("the Wigan Metropolitan Borough Council budget"), [
    { name: "Wigan Metropolitan Borough Council", kind: "Borough" },
  ]);
  assert.deepEqual(mentions("Stratford-upon-Avon District Council"), [
    { name: "Stratford-upon-Avon District Council", kind: "District" },
  ]);
});

test("words that are not a name are dropped; a councillor is not a council", () => {
  assert.deepEqual(mentions("The County Council agreed"), []);
  assert.deepEqual(mentions("All Parish Councillors and Each Town Council"), []);
  assert.deepEqual(mentions("Our Leicestershire County Council officers"), [
    { name: "Leicestershire County Council", kind: "County" },
  ]);
});

test("London boroughs", () => {
  assert.deepEqual(mentions("London Borough of Merton"), [{ name: "London Borough of Merton", kind: "Borough" }]);
});

test("place names joined by small words stay whole; 'of' joins no name", () => {
  const names = (t: string) => mentions(t).map((m) => m.name);
  assert.deepEqual(names("Upper Ashby on the Hill Parish Council"), ["Upper Ashby on the Hill Parish Council"]);
  assert.deepEqual(names("Newton upon Derwent Parish Council"), ["Newton upon Derwent Parish Council"]);
  assert.deepEqual(names("Barrow-in-Furness Town Council"), ["Barrow-in-Furness Town Council"]);
  assert.deepEqual(names("Great Ashby St Mary Parish Council"), ["Great Ashby St Mary Parish Council"]);
  assert.deepEqual(names("Bishop's Wick Town Council"), ["Bishop's Wick Town Council"]);
  assert.deepEqual(names("Minutes of the Meeting of Little Ashby Parish Council"), ["Little Ashby Parish Council"]);
});
