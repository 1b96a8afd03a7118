// Statement dates of plain day phrases ("ce mercredi 23 octobre", "le 1er novembre 2024")
// are computed without chrono when the day is one every month has; chrono reads the
// others. The two readings must agree wherever the fast one answers.
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../pipeline/gc.js";
import { dayDateByChrono, parsePublished, plainDayDate, resolveDatePhrase } from "../pipeline/extract/dates.js";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const LEADS = ["", "le ", "ce ", "dès le ", "depuis le ", "mercredi ", "ce dimanche ", "le lundi "];

/** Publication dates over four years: every 5th day, and every month's last three days. */
function publicationDates(): string[] {
  const out = new Set<string>();
  for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2027, 0, 1); t += 86400000) {
    const d = new Date(t);
    const next = new Date(t + 3 * 86400000);
    if ((t / 86400000) % 5 === 0 || next.getUTCMonth() !== d.getUTCMonth()) out.add(d.toISOString().slice(0, 10));
  }
  return [...out];
}

describe("plain day dates", () => {
  it("agree with chrono's reading for every month and every day it always has, with and without a year, over four years of publication dates", () => {
    let compared = 0;
    publicationDates().forEach((published, k) => {
      const pub = parsePublished(published)!;
      MONTHS.forEach((month, mo) => {
        const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo]!;
        for (const day of [1, 2, 13, 26, 27, 28, 29, 30, 31].filter((d) => d <= last)) {
          const lead = LEADS[(k + mo + day) % LEADS.length]!;
          const dayWord = day === 1 && k % 2 === 0 ? (k % 4 === 0 ? "1er" : "premier") : String(day);
          for (const year of ["", " 2023", " 2025"]) {
            const p = `${lead}${dayWord} ${month}${year}`;
            const fast = plainDayDate(p, pub);
            expect(fast, p).not.toBeNull();
            expect(fast, `${p} published ${published}`).toEqual(dayDateByChrono(p, pub, year !== ""));
            compared++;
          }
        }
      });
    });
    expect(compared).toBeGreaterThan(50_000);
  });

  it("is the day in the publication's year, or the year before when that is over two days after publication", () => {
    expect(resolveDatePhrase("ce mercredi 23 octobre", "2024-10-24")).toEqual({ date: "2024-10-23", precision: "day" });
    expect(resolveDatePhrase("le 26 octobre", "2024-10-24")).toEqual({ date: "2024-10-26", precision: "day" });
    expect(resolveDatePhrase("le 27 octobre", "2024-10-24")).toEqual({ date: "2023-10-27", precision: "day" });
    expect(resolveDatePhrase("le 5 janvier", "2024-12-30")).toEqual({ date: "2024-01-05", precision: "day" });
    // Never the next year, even two days ahead: the comparison is with the year of publication.
    expect(resolveDatePhrase("le 1er janvier", "2024-12-30")).toEqual({ date: "2024-01-01", precision: "day" });
    expect(resolveDatePhrase("le premier novembre 2022", "2024-10-24")).toEqual({ date: "2022-11-01", precision: "day" });
  });

  it("leaves 29 February, days a month lacks and other shapes to chrono", () => {
    const pub = parsePublished("2024-03-10")!;
    for (const p of ["29 février", "29 février 2024", "30 février", "31 avril", "31 juin 2024", "le 31 septembre", "31 novembre", "0 mai", "35 mai", "le 12 de mai", "vendredi dernier 12 mai", "12 mai dernier"]) {
      expect(plainDayDate(p, pub), p).toBeNull();
    }
    expect(plainDayDate("31 janvier", pub)).toEqual({ date: "2024-01-31", precision: "day" });
    expect(plainDayDate("le 30 avril 2024", pub)).toEqual({ date: "2024-04-30", precision: "day" });
    expect(resolveDatePhrase("le 29 février", "2024-03-10")).toEqual({ date: "2024-02-29", precision: "day" });
    expect(resolveDatePhrase("le 31 janvier", "2024-03-10")).toEqual({ date: "2024-01-31", precision: "day" });
  });
});

describe("the cache of resolved date phrases", () => {
  it("does not keep the articles its phrases were cut from alive", () => {
    // A phrase is a slice of its article's text in V8: kept in a key, it kept the whole article.
    const filler = " la suite du texte".repeat(8000); // 144 KB on each side of the date
    const phrases = (n: number) =>
      Array.from({ length: n }, (_, i) => `${filler} le ${1 + (i % 28)} octobre ${2000 + i}${filler}`.slice(filler.length + 1, filler.length + 25));
    resolveDatePhrase(phrases(1)[0]!, "2024-11-05");
    collectGarbage();
    const before = v8.getHeapStatistics().used_heap_size;
    const dates = phrases(200).map((p) => resolveDatePhrase(p, "2024-11-05").date);
    collectGarbage();
    expect(new Set(dates).size).toBe(200);
    // 200 articles of 288 KB are 56 MB: kept, they would show (42.6 MB did, before the fix).
    expect(v8.getHeapStatistics().used_heap_size - before).toBeLessThan(8 * 2 ** 20);
  });

  it("keeps what a phrase says, not its date: the same phrase under other publication dates, in any order", () => {
    const cases: [string, string, string | null, string | null][] = [
      ["mardi", "2024-10-24", "2024-10-22", "day"], // a Thursday: the Tuesday before
      ["le 27 octobre", "2024-10-24", "2023-10-27", "day"],
      ["Mardi", "2024-10-30", "2024-10-29", "day"],
      ["le 27 octobre", "2024-10-26", "2024-10-27", "day"],
      ["le mois dernier", "2024-03-10", "2024-02-01", "month"],
      ["mardi", "2024-10-24", "2024-10-22", "day"],
      ["fin novembre", "2024-10-24", "2023-11-01", "month"],
      ["fin novembre", "2024-12-24", "2024-11-01", "month"],
      ["le 29 février", "2024-03-10", "2024-02-29", "day"], // read by chrono
      ["mardi", "not a date", null, null],
      ["hier", "2024-03-01", "2024-02-29", "day"],
    ];
    for (const [phrase, published, date, precision] of cases) {
      expect(resolveDatePhrase(phrase, published), `${phrase} published ${published}`).toEqual({ date, precision });
    }
    // Each call gets an object of its own.
    const a = resolveDatePhrase("hier", "2024-03-01");
    a.date = "changed";
    expect(resolveDatePhrase("hier", "2024-03-01").date).toBe("2024-02-29");
  });
});
