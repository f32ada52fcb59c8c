/** The shipped bank holiday table: that it agrees with the rules, holds proclaimed days, and is not about to run out. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { bankHolidaysByRule, easterSunday } from "./bank-holiday-rules";
import { ENGLAND_AND_WALES } from "./bank-holidays";
import { BANK_HOLIDAY_TABLE } from "./bank-holidays.generated";
import { clearDays } from "./clear-days";
import { dayNumber } from "./dates";

test("the table runs at least a year past today (refresh it with scripts/refresh-bank-holidays.ts)", () => {
  // Deliberately the real clock: this test exists to fail a year before the shipped table runs out.
  const today = Math.floor(Date.now() / 86_400_000);
  const left = dayNumber(BANK_HOLIDAY_TABLE.coversThrough) - today;
  assert.ok(left >= 365, `the bank holiday table ends ${BANK_HOLIDAY_TABLE.coversThrough}, ${left} days from today`);
});

test("the table is exactly what the rules give for every year it covers", () => {
  const from = Number(BANK_HOLIDAY_TABLE.coversFrom.slice(0, 4));
  const through = Number(BANK_HOLIDAY_TABLE.coversThrough.slice(0, 4));
  const byRule = [];
  for (let y = from; y <= through; y++) byRule.push(...bankHolidaysByRule(y).map((h) => [h.date, h.title]));
  assert.deepEqual(BANK_HOLIDAY_TABLE.holidays, byRule);
});

test("Easter and the proclaimed and substitute days are where GOV.UK put them", () => {
  assert.deepEqual(
    ["2008", "2019", "2024", "2025", "2038"].map((y) => easterSunday(Number(y))),
    ["2008-03-23", "2019-04-21", "2024-03-31", "2025-04-20", "2038-04-25"],
  );
  const dates = (y: number) => bankHolidaysByRule(y).map((h) => h.date);
  assert.deepEqual(dates(2020), [
    "2020-01-01",
    "2020-04-10",
    "2020-04-13",
    "2020-05-08",
    "2020-05-25",
    "2020-08-31",
    "2020-12-25",
    "2020-12-28",
  ]);
  assert.deepEqual(dates(2022), [
    "2022-01-03",
    "2022-04-15",
    "2022-04-18",
    "2022-05-02",
    "2022-06-02",
    "2022-06-03",
    "2022-08-29",
    "2022-09-19",
    "2022-12-26",
    "2022-12-27",
  ]);
  assert.ok(dates(2023).includes("2023-05-08"));
  assert.deepEqual(dates(2021).slice(-2), ["2021-12-27", "2021-12-28"]);
  assert.ok(dates(1999).includes("1999-12-31"));
  assert.ok(dates(1995).includes("1995-05-08") && !dates(1995).includes("1995-05-01"));
});

test("a date outside the table is refused, not miscounted", () => {
  assert.throws(() => clearDays("principal").clearDaysBetween("1985-01-01", "1985-01-20"), /bank holiday table covers/);
  const after = `${Number(ENGLAND_AND_WALES.coversThrough.slice(0, 4)) + 1}-03-01`;
  assert.throws(() => clearDays("parish").latestPublicationDate(after), /scripts\/refresh-bank-holidays/);
});
